using System.Diagnostics;
using Akka.Actor;
using Akka.Streams;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Billing run throughput on a local 3-node cluster, against the same per-account work done without the scheduler:
/// 1. N accounts open, set a card and subscribe (not timed);
/// 2. the clock moves a month on; the scheduler's billing run renews and charges every account (timed from the clock
///    move to the run's end, so it includes up to one tick of start-up latency);
/// 3. the job is paused and the clock moves another month; the same per-account work (BillingCycleJob.RunItemAsync,
///    same parallelism) runs straight from this process over the same accounts, with no scheduler, no checkpoints.
/// </summary>
public static class BillingThroughput
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public sealed record Result(int Accounts, TimeSpan Scheduled, TimeSpan Direct, IReadOnlyDictionary<string, int> Counters);

    public static async Task<Result> RunAsync(int accounts)
    {
        await using var cluster = await InProcessCluster.StartAsync(3);
        var ids = Enumerable.Range(0, accounts).Select(i => $"bench-{i:D6}").ToArray();
        var seeding = Stopwatch.StartNew();
        await ForEachAsync(ids, 32, id => SeedAsync(cluster.Accounts, id));
        Console.WriteLine($"  seeded {accounts:N0} subscribed accounts in {seeding.Elapsed.TotalSeconds:0.0} s");

        var start = cluster.Clock.Now;
        await AwaitIdleAsync(cluster.Scheduler); // the first start's run (nothing due) is over
        cluster.Clock.Set(start.AddMonths(1).AddDays(1));
        var scheduled = Stopwatch.StartNew();
        var run = await AwaitRunAsync(cluster.Scheduler, $"billing-cycle@{start.AddMonths(1).AddDays(1):yyyy-MM-dd}");
        scheduled.Stop();
        Console.WriteLine($"  scheduled run: {run.Processed:N0} accounts in {scheduled.Elapsed.TotalSeconds:0.0} s, " +
                          $"{string.Join(", ", run.Counters.Select(c => $"{c.Key}={c.Value}"))}");

        await cluster.Scheduler.Ask<object>(new PauseJob(BillingCycleJob.JobName), AskTimeout);
        cluster.Clock.Set(start.AddMonths(2).AddDays(1));
        var settings = SchedulerSettings.From(cluster.FirstSystem);
        var job = new BillingCycleJob(new JobSpec(BillingCycleJob.JobName, "", ScheduleText.Parse("every 1d")), cluster.Accounts,
            new JournalEntityIds(() => throw new InvalidOperationException("not listed here"), cluster.FirstSystem.Materializer()),
            JobCatalog.Dunning(cluster.FirstSystem.Settings.Config));
        var context = new JobRunContext(BillingCycleJob.JobName, "direct", null, cluster.Clock.Now);
        var direct = Stopwatch.StartNew();
        await ForEachAsync(ids, settings.ItemParallelism, async id =>
        {
            var outcome = await job.RunItemAsync(id, context, CancellationToken.None);
            if (outcome.Counter != "charged") throw new InvalidOperationException($"{id}: {outcome}");
        });
        direct.Stop();
        Console.WriteLine($"  direct: {accounts:N0} accounts in {direct.Elapsed.TotalSeconds:0.0} s");
        return new Result(accounts, scheduled.Elapsed, direct.Elapsed, run.Counters);
    }

    private static async Task SeedAsync(IActorRef accounts, string id)
    {
        await Expect<BillingAccountView>(accounts, new OpenBillingAccount(id, id, "USD"));
        await Expect<BillingAccountView>(accounts, new SetBillingCard(id, new BillingCard("card", "tok_bench", "Visa", "4242", 12, 2030)));
        await Expect<OrderPlaced>(accounts, new SubscribeToPlan(id, "basic", "sub-1"));
    }

    private static async Task Expect<T>(IActorRef region, object command)
    {
        var answer = await region.Ask<object>(command, AskTimeout);
        if (answer is not T) throw new InvalidOperationException($"{command}: {answer}");
    }

    private static async Task AwaitIdleAsync(IActorRef scheduler)
    {
        while ((await JobAsync(scheduler)).Running is not null || (await JobAsync(scheduler)).LastRun is null) await Task.Delay(100);
    }

    private static async Task<JobRunView> AwaitRunAsync(IActorRef scheduler, string runKey)
    {
        while (true)
        {
            if ((await JobAsync(scheduler)).History.FirstOrDefault(r => r.RunKey == runKey) is { } run) return run;
            await Task.Delay(50);
        }
    }

    private static async Task<ScheduledJobView> JobAsync(IActorRef scheduler) =>
        (ScheduledJobView)await scheduler.Ask<object>(new GetScheduledJob(BillingCycleJob.JobName), AskTimeout);

    private static Task ForEachAsync(IEnumerable<string> ids, int parallelism, Func<string, Task> work) =>
        Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (id, _) => await work(id));
}
