using System.Diagnostics;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// One <see cref="ActivitySource"/> per area for traces. Spans are recorded only when the node exports traces
/// (--otlp-endpoint); otherwise StartActivity returns null and costs next to nothing.
/// </summary>
public static class ActivitySources
{
    public const string PersistenceName = "MediaPlatform.Persistence";
    public const string EntitiesName = "MediaPlatform.Entities";
    public const string MediaName = "MediaPlatform.Media";

    /// <summary>Entities storing events: one span per decision persisted, from Persist to stored.</summary>
    public static readonly ActivitySource Persistence = new(PersistenceName);

    /// <summary>Entities handling a traced message ("handle user UpdateProfile"), on whichever node hosts them.</summary>
    public static readonly ActivitySource Entities = new(EntitiesName);

    /// <summary>A title's pipeline steps (probe, prepare, encode, package, quality check, publish): one trace per upload.</summary>
    public static readonly ActivitySource Media = new(MediaName);

    /// <summary>Every source a node exports, the media stages' own (rungs packaged) included.</summary>
    public static readonly IReadOnlyList<string> All = [PersistenceName, EntitiesName, MediaName, Streams.StreamsTracing.Name];

    /// <summary>
    /// Starts a span without making it the thread's current activity: an actor's persist callback runs later, on
    /// whatever thread the dispatcher picks, so the span is stopped there explicitly.
    /// </summary>
    public static Activity? StartDetached(ActivitySource source, string name)
    {
        var previous = Activity.Current;
        var activity = source.StartActivity(name, ActivityKind.Internal);
        Activity.Current = previous;
        return activity;
    }
}
