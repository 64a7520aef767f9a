using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// The journal as the entities see it: events stored, how long a write took from Persist to its handler (queueing in
/// the journal included: that is what a caller waits for), how long a recovery took, and what failed.
/// Labels: <c>entity_type</c> only (and <c>operation</c> for failures).
/// </summary>
public static class PersistenceMetrics
{
    private static readonly Meter Meter = new(MeterNames.Persistence);

    private static readonly Counter<long> Events = Meter.CreateCounter<long>(
        "media_platform.persistence.events", "{event}", "Events stored in the journal by entities on this node.");

    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram(
        "media_platform.persistence.write.duration", "s", "Time from an entity's Persist to its events being stored.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Short });

    private static readonly Histogram<double> RecoveryDuration = Meter.CreateHistogram(
        "media_platform.persistence.recovery.duration", "s", "Time an entity took to recover (snapshot and events) when it started.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets.Short });

    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "media_platform.persistence.failures", "{failure}", "Journal writes that failed or were rejected, and recoveries that failed.");

    public static void Persisted(string entityType, int count, long startedTimestamp)
    {
        var type = new KeyValuePair<string, object?>("entity_type", entityType);
        Events.Add(count, type);
        WriteDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, type);
    }

    public static void Recovered(string entityType, long startedTimestamp) =>
        RecoveryDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("entity_type", entityType));

    /// <param name="operation">persist-failed, persist-rejected or recovery-failed.</param>
    public static void Failed(string entityType, string operation) =>
        Failures.Add(1, new KeyValuePair<string, object?>("entity_type", entityType), new KeyValuePair<string, object?>("operation", operation));
}
