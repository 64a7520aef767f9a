using System.Diagnostics;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Work;

/// <summary>An encode's span on the worker's node, under the upload's trace its assignment carries.</summary>
internal static class EncodeTracing
{
    public static Activity? Start(WorkAssignment assignment)
    {
        if (assignment.TraceParent is not { } traceParent || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
            return null;
        return ActivitySources.Media.StartActivity("encode", ActivityKind.Internal, parent)?
            .SetTag("work_id", assignment.WorkId).SetTag("attempt", assignment.Attempt);
    }
}
