using System.Diagnostics;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// --lag: projection lag under the chaos spec's kind of write load, with a fail-over. Three real node processes share
/// one journal; load clients sign users up, subscribe them and buy and pay for titles over HTTP for --lag-seconds while
/// every projection's lag is read from GET /cluster/projections every 250 ms; at the half the node running the
/// projections singleton is SIGKILLed. Prints the write rate, each projection's lag (p50/p99/max seconds and events
/// behind), the spike around the kill and how long catching up took; then waits for every projection to reach 0
/// events behind and exits 1 if one never does, or if the billing read model's payment counts then disagree with
/// what the load had acknowledged (<see cref="BillingCountCheck"/>).
/// </summary>
public static class LagBench
{
    private static readonly TimeSpan Formation = TimeSpan.FromSeconds(180);

    public static async Task<int> RunAsync(LagOptions options, string? postgres)
    {
        using var files = new TempDirectory("lag-bench");
        var config = files.Combine("bench.hocon");
        // Each order buys a made-up title (as in the chaos spec): publishing that many would need the media pipeline.
        await File.WriteAllTextAsync(config, "media-platform.billing.require-published-title = off\n");
        Console.WriteLine($"Projection lag: 3 node processes on one {(postgres is null ? "SQLite file" : "PostgreSQL database")}; " +
                          $"{options.Clients} clients × {options.AccountsPerClient} accounts, {options.Pause.TotalMilliseconds:0} ms between rounds " +
                          $"(order + payment; every {options.SignUpEvery}th round also a sign-up, card and subscription); {options.Seconds} s; " +
                          $"projections' host SIGKILLed at {options.KillAt.TotalSeconds:0} s; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        await using var cluster = await NodeProcessCluster.StartAsync(3, new NodeProcessClusterOptions(
            PostgresConnectionString: postgres, ExtraArguments: ["--config", config, "--log-level", "Warning"]));
        await cluster.AwaitAllUpAsync(Formation);
        var clock = Stopwatch.StartNew();
        using var load = await LagLoad.CreateAsync(cluster.Nodes, options, clock);
        // The sign-ups' own events first, so the run starts from no lag.
        if (!await AwaitNoLagAsync(new LagSampler(cluster.Nodes, clock), clock, TimeSpan.FromSeconds(60)))
            Console.WriteLine("note: the projections were still behind after the sign-ups; the run starts anyway");
        var tags = new TagCount(postgres is null ? cluster.SqliteFile : null, postgres);
        var billingBefore = await tags.ReadAsync(BillingEventTagger.Tag);

        clock.Restart();
        var sampler = new LagSampler(cluster.Nodes, clock);
        using var stopSampling = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stopSampling.Token);
        using var stopLoad = new CancellationTokenSource();
        var clients = Enumerable.Range(0, options.Clients).Select(c => load.RunClientAsync(c, stopLoad.Token)).ToArray();

        await Task.Delay(options.KillAt);
        var victim = await ProjectionsHost.FindAsync(cluster.Nodes)
            ?? throw new InvalidOperationException("no node says where the projections singleton runs (GET /cluster/singletons)");
        victim.Kill();
        var killAt = clock.Elapsed.TotalSeconds;
        var moved = ProjectionsHost.AwaitMovedAsync(cluster.Nodes, victim, clock, TimeSpan.FromSeconds(120));

        var rest = TimeSpan.FromSeconds(options.Seconds) - clock.Elapsed;
        if (rest > TimeSpan.Zero) await Task.Delay(rest);
        stopLoad.Cancel();
        await Task.WhenAll(clients); // commands in flight finish, so every one is counted
        var loadEnd = clock.Elapsed.TotalSeconds;
        var billingWritten = await tags.ReadAsync(BillingEventTagger.Tag) - billingBefore;

        var caughtUp = await AwaitNoLagAsync(sampler, clock, options.CatchUpDeadline);
        var caughtUpAt = clock.Elapsed.TotalSeconds;
        stopSampling.Cancel();
        await sampling;
        var movedTo = await moved;
        var counts = caughtUp ? await BillingCountCheck.ReadAsync(cluster.Nodes, load.Tally) : null;

        var run = new LagRun(options, victim.Name, killAt, movedTo is { } m ? (m.Node.Name, m.At) : null, loadEnd, billingWritten,
            load.Tally, sampler.Samples, sampler.Missed, caughtUp ? caughtUpAt - loadEnd : null);
        LagReport.Print(run);
        if (caughtUp) Console.WriteLine(counts?.ToString() ?? "billing report: no node answered GET /api/reports/billing");
        Console.WriteLine($"load average {LoadAverage()} at the end");
        cluster.MarkPassed();
        return caughtUp && counts is { Holds: true } ? 0 : 1;
    }

    /// <summary>Samples until one reading shows every projection 0 events behind; false at the deadline.</summary>
    private static async Task<bool> AwaitNoLagAsync(LagSampler sampler, Stopwatch clock, TimeSpan deadline)
    {
        var giveUpAt = clock.Elapsed + deadline;
        while (clock.Elapsed < giveUpAt)
        {
            if (await sampler.SampleAsync() is { Count: > 0 } reading && reading.All(s => s.EventsBehind == 0)) return true;
            await Task.Delay(LagOptions.SampleInterval);
        }
        return false;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
