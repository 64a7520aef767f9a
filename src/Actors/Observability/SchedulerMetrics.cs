using System.Diagnostics.Metrics;

namespace MediaPlatform.Actors.Observability;

/// <summary>Recurring job runs and the items they processed, by job name (a fixed catalog) and outcome.</summary>
public static class SchedulerMetrics
{
    private static readonly Meter Meter = new(MeterNames.Scheduler);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "media_platform.scheduler.runs", "{run}", "Job runs by job and outcome: started, resumed (after a failover), finished.");

    private static readonly Counter<long> Items = Meter.CreateCounter<long>(
        "media_platform.scheduler.items", "{item}", "Items job runs processed, by job and outcome: done, failed.");

    public static void Run(string job, string outcome) =>
        Runs.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public static void Progressed(string job, int processed, int failed)
    {
        var name = new KeyValuePair<string, object?>("job", job);
        if (processed - failed > 0) Items.Add(processed - failed, name, new KeyValuePair<string, object?>("outcome", "done"));
        if (failed > 0) Items.Add(failed, name, new KeyValuePair<string, object?>("outcome", "failed"));
    }
}
