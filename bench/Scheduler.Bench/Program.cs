using MediaPlatform.Bench.Scheduler;
using MediaPlatform.Node.Configuration;

// Scheduler benchmark, in one run:
// 1. billing run throughput: accounts renewed and charged per second by the scheduler singleton on a local 3-node
//    cluster, next to the same per-account work done straight from one node without the scheduler (the anchor);
// 2. failover: SIGKILL of the real process hosting the singleton → the scheduler answering again on another node,
//    median of several rounds, next to the split-brain resolver's stable-after (goal: within stable-after + 5 s).
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
Console.WriteLine($"{Environment.ProcessorCount} cores; {options.Accounts:N0} accounts; {options.Failovers} failover round(s)");

if (options.Throughput)
{
    Console.WriteLine("billing run throughput:");
    var result = await BillingThroughput.RunAsync(options.Accounts, options.DirectFirst);
    var scheduledRate = result.Accounts / result.Scheduled.TotalSeconds;
    var directRate = result.Accounts / result.Direct.TotalSeconds;
    Console.WriteLine();
    Console.WriteLine($"| {"path",-34} | {"accounts",9} | {"seconds",8} | {"accounts/s",10} |");
    Console.WriteLine($"|{new string('-', 36)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 12)}|");
    Console.WriteLine($"| {"scheduler billing run",-34} | {result.Accounts,9:N0} | {result.Scheduled.TotalSeconds,8:0.0} | {scheduledRate,10:0} |");
    Console.WriteLine($"| {"same work, direct (anchor)",-34} | {result.Accounts,9:N0} | {result.Direct.TotalSeconds,8:0.0} | {directRate,10:0} |");
    Console.WriteLine($"ratio scheduler / direct throughput: {scheduledRate / directRate:0.00}");
    Console.WriteLine();
}

if (options.Failover)
{
    var config = NodeHocon.Load(Path.Combine(AppContext.BaseDirectory, "config"), null);
    var stableAfter = config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after", TimeSpan.FromSeconds(20));
    var goal = stableAfter + TimeSpan.FromSeconds(5);
    Console.WriteLine($"singleton failover (SIGKILL of its node; split-brain resolver stable-after {stableAfter.TotalSeconds:0} s; goal {goal.TotalSeconds:0} s):");
    Console.WriteLine("with the shipped configuration (down-removal-margin = stable-after, the split-brain resolver's default):");
    var shipped = await SingletonFailover.RunAsync(options.Failovers);
    Console.WriteLine("with akka.cluster.down-removal-margin = 1s (singletons start elsewhere 1 s after the node is removed):");
    var shortMargin = await SingletonFailover.RunAsync(options.Failovers, "akka.cluster.down-removal-margin = 1s");
    Console.WriteLine();
    Console.WriteLine($"| {"configuration",-28} | {"unreachable",11} | {"removed",8} | {"answering",9} | {"/ goal",6} |");
    Console.WriteLine($"|{new string('-', 30)}|{new string('-', 13)}|{new string('-', 10)}|{new string('-', 11)}|{new string('-', 8)}|");
    foreach (var (name, rounds) in new[] { ("shipped (margin = 7 s)", shipped), ("down-removal-margin = 1s", shortMargin) })
    {
        TimeSpan Median(Func<SingletonFailover.Round, TimeSpan> pick) => Statistics.Median(rounds.Select(pick));
        var answering = Median(r => r.Answering);
        Console.WriteLine($"| {name,-28} | {Median(r => r.Unreachable).TotalSeconds,10:0.0}s | {Median(r => r.Removed).TotalSeconds,7:0.0}s | " +
                          $"{answering.TotalSeconds,8:0.0}s | {answering / goal,6:0.00} |");
    }
    Console.WriteLine("medians of the rounds; times from SIGKILL as seen by a surviving node");
}
return 0;
