using System.Diagnostics;
using Akka.Actor;
using Akka.Streams;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Actors.Scheduling.Schedules;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Billing run throughput on a local 3-node cluster, against the same per-account work done without the scheduler:
/// 1. N accounts open, set a card and subscribe (not timed);
/// 2. the clock moves a month on, and again: in one month the scheduler's billing run renews and charges every
///    account (timed from the clock move to the run's end, so it includes up to one tick of start-up latency); in the
///    other, with the job paused, the same per-account work (BillingCycleJob.RunItemAsync, same parallelism) runs
///    straight from this process, with no scheduler and no checkpoints. --direct-first swaps the months, because the
///    second month works on bigger accounts (one more invoice and payment each).
/// </summary>
public static class BillingThroughput
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public sealed record Result(int Accounts, TimeSpan Scheduled, TimeSpan Direct, IReadOnlyDictionary<string, int> Counters);

    public static async Task<Result> RunAsync(int accounts, bool directFirst)
    {
        var time = new ManualClock(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
        await using var cluster = await InProcessNodeCluster.StartAsync(3, "bench", time);
        var ids = Enumerable.Range(0, accounts).Select(i => $"bench-{i:D6}").ToArray();
        var seeding = Stopwatch.StartNew();
        await ForEachAsync(ids, 32, id => SeedAsync(cluster.Registered<EntityRegions.BillingAccounts>(), id));
        Console.WriteLine($"  seeded {accounts:N0} subscribed accounts in {seeding.Elapsed.TotalSeconds:0.0} s");

        var start = time.Now;
        await AwaitIdleAsync(cluster.Registered<EntityRegions.SchedulerProxy>()); // the first start's run (nothing due) is over
        TimeSpan scheduled = default, direct = default;
        JobRunView run = null!;
        for (var month = 1; month <= 2; month++)
        {
            var periodStart = start.AddMonths(month).AddDays(1);
            if ((month == 1) == directFirst)
            {
                await cluster.Registered<EntityRegions.SchedulerProxy>().Ask<object>(new PauseJob(BillingCycleJob.JobName), AskTimeout);
                time.Set(periodStart);
                direct = await DirectAsync(cluster, time, ids);
                Console.WriteLine($"  month {month}, direct: {accounts:N0} accounts in {direct.TotalSeconds:0.0} s");
                await cluster.Registered<EntityRegions.SchedulerProxy>().Ask<object>(new ResumeJob(BillingCycleJob.JobName), AskTimeout);
                await AwaitRunAsync(cluster.Registered<EntityRegions.SchedulerProxy>(), $"billing-cycle@{periodStart:yyyy-MM-dd}"); // resumed: the period runs, nothing is due
            }
            else
            {
                time.Set(periodStart);
                var clock = Stopwatch.StartNew();
                run = await AwaitRunAsync(cluster.Registered<EntityRegions.SchedulerProxy>(), $"billing-cycle@{periodStart:yyyy-MM-dd}");
                scheduled = clock.Elapsed;
                Console.WriteLine($"  month {month}, scheduler: {run.Processed:N0} accounts in {scheduled.TotalSeconds:0.0} s, " +
                                  $"{string.Join(", ", run.Counters.Select(c => $"{c.Key}={c.Value}"))}");
            }
        }
        return new Result(accounts, scheduled, direct, run.Counters);
    }

    /// <summary>The billing job's per-account work for every account, from this process, with the scheduler's parallelism.</summary>
    private static async Task<TimeSpan> DirectAsync(InProcessNodeCluster cluster, ManualClock time, IReadOnlyList<string> ids)
    {
        var settings = SchedulerSettings.From(cluster.FirstSystem);
        var job = new BillingCycleJob(new JobSpec(BillingCycleJob.JobName, "", ScheduleText.Parse("every 1d")), cluster.Registered<EntityRegions.BillingAccounts>(),
            new JournalEntityIds(() => throw new InvalidOperationException("not listed here"), cluster.FirstSystem.Materializer()),
            JobCatalog.Dunning(cluster.FirstSystem.Settings.Config));
        var context = new JobRunContext(BillingCycleJob.JobName, "direct", null, time.Now);
        var clock = Stopwatch.StartNew();
        await ForEachAsync(ids, settings.ItemParallelism, async id =>
        {
            var outcome = await job.RunItemAsync(id, context, CancellationToken.None);
            if (outcome.Counter != "charged") throw new InvalidOperationException($"{id}: {outcome}");
        });
        return clock.Elapsed;
    }

    private static async Task SeedAsync(IActorRef accounts, string id)
    {
        await Expect<BillingAccountView>(accounts, new OpenBillingAccount(id, id, "USD"));
        await Expect<BillingAccountView>(accounts, new SetBillingCard(id, new BillingCard("card", "tok_bench", "Visa", "4242", 12, 2030)));
        await Expect<OrderPlaced>(accounts, new SubscribeToPlan(id, "basic", "sub-1"));
    }

    /// <summary>Asks until answered (every seeding command is idempotent); shard allocation right after start can be slow.</summary>
    private static async Task Expect<T>(IActorRef region, object command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var answer = await region.Ask<object>(command, AskTimeout);
                if (answer is not T) throw new InvalidOperationException($"{command}: {answer}");
                return;
            }
            catch (AskTimeoutException) when (attempt < 5)
            {
                Console.WriteLine($"  (no answer to {command.GetType().Name} within {AskTimeout.TotalSeconds:0} s; asking again)");
            }
        }
    }

    private static async Task AwaitIdleAsync(IActorRef scheduler)
    {
        while (await JobAsync(scheduler) is { Running: not null } or { LastRun: null }) await Task.Delay(100);
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
