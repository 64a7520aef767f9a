using System.Diagnostics;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Failover time of the scheduler singleton with the real binary: SIGKILL the process that hosts it (the oldest
/// member), then poll the other nodes' GET /scheduler/jobs (answered through the singleton proxy) every 100 ms until
/// it answers again. Measured N times; the killed node is restarted and rejoins between rounds. Each round also
/// notes when the observer saw the killed node unreachable and removed, to show where the time goes.
/// </summary>
public static class SingletonFailover
{
    public sealed record Round(TimeSpan Unreachable, TimeSpan Removed, TimeSpan Answering);

    public static async Task<IReadOnlyList<Round>> RunAsync(int rounds, string? extraHocon = null)
    {
        await using var cluster = new NodeProcessCluster(3, extraHocon);
        for (var i = 0; i < cluster.Size; i++) cluster.Start(i);
        await cluster.AwaitAllUpAsync(TimeSpan.FromSeconds(120));
        var times = new List<Round>();
        for (var round = 0; round < rounds; round++)
        {
            var observer = round % cluster.Size;
            var host = await cluster.SingletonHostAsync(observer);
            if (host == observer) observer = (observer + 1) % cluster.Size;
            while (!await cluster.SchedulerAnswersAsync(observer)) await Task.Delay(100);

            cluster.Kill(host);
            var sinceKill = Stopwatch.StartNew();
            TimeSpan? unreachable = null, removed = null;
            await Task.Delay(100);
            while (true)
            {
                var state = await cluster.MemberStateAsync(observer, host);
                if (state == "unreachable") unreachable ??= sinceKill.Elapsed;
                if (state == "removed") removed ??= sinceKill.Elapsed;
                if (removed is not null && await cluster.SchedulerAnswersAsync(observer)) break;
                await Task.Delay(100);
            }
            var result = new Round(unreachable ?? removed!.Value, removed!.Value, sinceKill.Elapsed);
            times.Add(result);
            Console.WriteLine($"  round {round + 1}: killed node {host + 1}; node {observer + 1} saw it unreachable at {result.Unreachable.TotalSeconds:0.0} s, " +
                              $"removed at {result.Removed.TotalSeconds:0.0} s, scheduler answering at {result.Answering.TotalSeconds:0.0} s");

            cluster.Start(host);
            await cluster.AwaitAllUpAsync(TimeSpan.FromSeconds(120));
        }
        return times;
    }
}
