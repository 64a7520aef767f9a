using System.Diagnostics;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// The trace a title's pipeline steps belong to: the upload request's, carried to the pipeline by its
/// <see cref="DriveTitle"/> (a <see cref="TracedMessage"/>) and kept in the pipeline's memory. Each step is a span
/// under it, so one upload is one trace from the request to published. A pipeline resumed on another node after a
/// crash never saw the request: its steps are not traced.
/// </summary>
public sealed class PipelineTrace(string titleId)
{
    private volatile TracedMessage? _upload; // written by the actor, read by the steps running off it

    /// <summary>Called by the actor with every traced drive; the latest upload's trace wins.</summary>
    public void Continue(TracedMessage drive) => _upload = drive;

    /// <summary>A span for a step, current in the calling flow; null when the upload was not traced.</summary>
    public Activity? Step(string name)
    {
        if (_upload is not { } upload) return null;
        var parent = upload.Context;
        if (parent == default) return null;
        return ActivitySources.Media.StartActivity(name, ActivityKind.Internal, parent)?.SetTag("title_id", titleId);
    }
}
