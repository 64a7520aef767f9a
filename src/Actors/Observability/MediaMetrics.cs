using System.Diagnostics.Metrics;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// The transcode work queue and its encodes. The queue gauges are reported by the node that hosts the coordinator
/// singleton (0 elsewhere), so <c>sum()</c> over the nodes is the cluster's queue.
/// </summary>
public static class MediaMetrics
{
    private static readonly Meter Meter = new(MeterNames.Media);
    private static int _pending;
    private static int _inFlight;

    private static readonly Counter<long> Encodes = Meter.CreateCounter<long>(
        "media_platform.encodes", "{encode}", "Encode attempts that ended, by outcome: completed, failed (for good), retried, requeued.");

    private static readonly Histogram<double> EncodeDuration = Meter.CreateHistogram(
        "media_platform.encode.duration", "s", "Wall time of a completed encode of one chunk and rung.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Long });

    private static readonly Counter<double> SourceEncoded = Meter.CreateCounter<double>(
        "media_platform.encode.source", "s", "Seconds of source video encoded (rate() = source seconds encoded per second).");

    private static readonly Histogram<double> TimeToPlayable = Meter.CreateHistogram(
        "media_platform.title.time_to_playable", "s", "From the end of a title's upload until its first segments are served (while it still transcodes).",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Long });

    private static readonly Histogram<double> TimeToPublished = Meter.CreateHistogram(
        "media_platform.title.time_to_published", "s", "From the end of a title's upload until it is published.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Long });

    static MediaMetrics()
    {
        Meter.CreateObservableGauge("media_platform.encode.queue.pending", () => Volatile.Read(ref _pending), "{item}",
            "Encodes waiting for a worker (reported by the node hosting the transcode coordinator).");
        Meter.CreateObservableGauge("media_platform.encode.queue.in_flight", () => Volatile.Read(ref _inFlight), "{item}",
            "Encodes assigned to workers and not yet reported (reported by the node hosting the transcode coordinator).");
    }

    /// <summary>The coordinator's queue after each change; (0, 0) when it stops on this node.</summary>
    public static void Queue(int pending, int inFlight)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _inFlight, inFlight);
    }

    public static void Completed(TimeSpan elapsed, TimeSpan sourceDuration)
    {
        Encodes.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
        EncodeDuration.Record(elapsed.TotalSeconds);
        SourceEncoded.Add(sourceDuration.TotalSeconds);
    }

    /// <param name="willRetry">The attempt failed but the work goes back to the queue.</param>
    public static void Failed(bool willRetry) =>
        Encodes.Add(1, new KeyValuePair<string, object?>("outcome", willRetry ? "retried" : "failed"));

    public static void Requeued() => Encodes.Add(1, new KeyValuePair<string, object?>("outcome", "requeued"));

    /// <summary>A title's first segments are served, <paramref name="sinceUpload"/> after its upload ended.</summary>
    public static void Playable(TimeSpan sinceUpload) => TimeToPlayable.Record(Math.Max(0, sinceUpload.TotalSeconds));

    /// <summary>A title is published, <paramref name="sinceUpload"/> after its upload ended.</summary>
    public static void Published(TimeSpan sinceUpload) => TimeToPublished.Record(Math.Max(0, sinceUpload.TotalSeconds));
}
