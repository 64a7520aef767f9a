namespace MediaPlatform.Bench.Projections;

/// <summary>Prints a --lag run: the write load achieved, each projection's lag under it, and the fail-over.</summary>
public static class LagReport
{
    public static void Print(LagRun run)
    {
        var tally = run.Tally;
        var kinds = Enum.GetValues<LagTally.Kind>();
        var acked = kinds.Sum(tally.AckedCount);
        Console.WriteLine();
        Console.WriteLine($"write load: {acked:N0} commands acknowledged in {run.LoadEnd:0.0} s = {acked / run.LoadEnd:0.0}/s " +
                          $"({string.Join(", ", kinds.Select(k => $"{tally.AckedCount(k)} {k}"))}); " +
                          $"failed after retries: {kinds.Sum(tally.FailedCount)}; " +
                          $"{run.BillingEventsWritten:N0} billing events written = {run.BillingEventsWritten / run.LoadEnd:0.0}/s");
        // Per 5 s: the kill stops the commands whose entities (and shard coordinator) lived on the killed node until they move.
        var windows = Enumerable.Range(0, (int)Math.Ceiling(run.LoadEnd / 5)).Select(w => tally.AckedBetween(w * 5, w * 5 + 5));
        Console.WriteLine($"commands acknowledged per 5 s: {string.Join(' ', windows)} (the kill falls in window {(int)(run.KillAt / 5) + 1})");
        Console.WriteLine($"kill: {run.Victim} (running the projections singleton) SIGKILLed at {run.KillAt:0.0} s; " +
                          (run.MovedTo is { } to
                              ? $"the survivors' member list made {to.Node} the oldest (the singleton's next host) at {to.At:0.0} s ({to.At - run.KillAt:0.0} s after the kill)"
                              : "no other node became the oldest within 120 s"));
        var samples = run.Samples;
        Console.WriteLine($"samples: {samples.Select(s => s.At).Distinct().Count():N0} readings of GET /cluster/projections " +
                          $"every {LagOptions.SampleInterval.TotalMilliseconds:0} ms ({run.MissedSamples} ticks no node answered)");

        var figures = samples.Select(s => s.Name).Distinct().Order(StringComparer.Ordinal)
            .Select(name => ProjectionLagFigures.From(name, samples, run.KillAt, run.LoadEnd)).ToArray();
        Console.WriteLine();
        Console.WriteLine("Lag while the load ran (kill included):");
        TextTable.Print(["projection", "tag", "samples", "p50 s behind", "p99 s behind", "max s behind", "p50 events", "p99 events", "max events"],
            figures.Select(f => new[]
            {
                f.Name, f.Tag, $"{f.Samples}", $"{f.P50Seconds:0.0}", $"{f.P99Seconds:0.0}", $"{f.MaxSeconds:0.0}",
                $"{f.P50Events:0}", $"{f.P99Events:0}", $"{f.MaxEvents:0}",
            }).ToArray());
        Console.WriteLine();
        Console.WriteLine("Around the kill (seconds after it):");
        TextTable.Print(["projection", "p99 s before kill", "spike max s", "spike max events", "offset moves again", "caught up", "offset went back"],
            figures.Select(f => f.Idle
                ? new[] { f.Name, "-", "-", "-", "-", "-", f.OffsetWentBack ?? "no" }
                : new[]
                {
                    f.Name, $"{f.P99SecondsBeforeKill:0.0}", $"{f.SpikeSeconds:0.0}", $"{f.SpikeEvents}",
                    f.ResumedAfterKill is { } r ? $"{r:0.0} s" : "never", f.CaughtUpAfterKill is { } c ? $"{c:0.0} s" : "never",
                    f.OffsetWentBack ?? "no",
                }).ToArray());
        Console.WriteLine("(\"-\": no event of the projection's tag was written during the run, so it had nothing to lag behind)");
        Console.WriteLine();
        Console.WriteLine(run.CaughtUpAfterLoad is { } caught
            ? $"every projection reached 0 events behind {caught:0.0} s after the load stopped"
            : $"FAILED: not every projection reached 0 events behind within {run.Options.CatchUpDeadline.TotalSeconds:0} s after the load stopped");
    }
}
