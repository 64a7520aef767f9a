using MediaPlatform.Bench.Scalability;
using MediaPlatform.Testing.Processes;

// Scalability measured and modelled (Gunther's universal scalability law), with the mixed workload over HTTP:
// 1. a fixed 3-node cluster (node processes, not pinned) at 1, 2, 4, 8, 16, 32 concurrent clients;
// 2. 1, 2 and 3 node processes, node k pinned with taskset to core (k−1) mod 2 (this machine has 2 cores: node 3
//    shares core 0 with node 1), at --clients-per-node clients per node;
// each series is fitted to C(N) = N / (1 + σ(N−1) + κN(N−1)) and drawn (PNG in the bench's output folder).
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
var output = Path.Combine(AppContext.BaseDirectory, "results");
Directory.CreateDirectory(output);
var window = TimeSpan.FromSeconds(options.Seconds);
// Before a series: the JIT up to its optimised tier and every entity alive (the N = 1 point normalises the rest).
var clusterWarmUp = TimeSpan.FromSeconds(options.Quick ? 6 : 30);
Console.WriteLine($"mixed workload (profile read, order, profile read, payment) over HTTP; {options.Seconds} s per point after " +
                  $"{options.Seconds / 3.0:0.#} s of warm-up ({clusterWarmUp.TotalSeconds:0} s before each series); {options.Users} users; {Environment.ProcessorCount} cores; " +
                  $"load average {LoadAverage()} at the start");

var config = Path.Combine(output, "bench.hocon");
// Each order buys a made-up title: publishing that many would need the media pipeline.
await File.WriteAllTextAsync(config, "media-platform.billing.require-published-title = off\n");

if (options.Concurrency)
{
    await using var cluster = await StartAsync(3, pinned: false);
    var workload = await MixedWorkload.CreateAsync(cluster.Nodes.Select(n => n.BaseAddress).ToArray(), options.Users);
    await ThroughputPoint.MeasureAsync(workload, 0, 16, clusterWarmUp);
    var points = new List<ThroughputPoint>();
    foreach (var clients in BenchOptions.ConcurrencyLevels)
    {
        points.Add(await ThroughputPoint.MeasureAsync(workload, clients, clients, window));
        Console.WriteLine($"  {clients} client(s): {points[^1].PerSecond:N0} req/s, {points[^1].Failed} failed");
    }
    UslReport.Print("Concurrency on a fixed 3-node cluster", "N (concurrent clients)", points, Path.Combine(output, "usl-concurrency.png"));
    cluster.MarkPassed();
}

if (options.Nodes)
{
    var points = new List<ThroughputPoint>();
    foreach (var nodes in BenchOptions.NodeCounts)
    {
        await using var cluster = await StartAsync(nodes, pinned: true);
        var workload = await MixedWorkload.CreateAsync(cluster.Nodes.Select(n => n.BaseAddress).ToArray(), options.Users);
        await ThroughputPoint.MeasureAsync(workload, 0, nodes * options.ClientsPerNode, clusterWarmUp);
        points.Add(await ThroughputPoint.MeasureAsync(workload, nodes, nodes * options.ClientsPerNode, window));
        Console.WriteLine($"  {nodes} node(s), {nodes * options.ClientsPerNode} clients: {points[^1].PerSecond:N0} req/s, {points[^1].Failed} failed");
        cluster.MarkPassed();
    }
    UslReport.Print("Node processes (node k pinned to core (k-1) mod 2)", "N (node processes)", points, Path.Combine(output, "usl-nodes.png"));
}
Console.WriteLine($"load average {LoadAverage()} at the end");
return 0;

async Task<NodeProcessCluster> StartAsync(int size, bool pinned)
{
    var cluster = await NodeProcessCluster.StartAsync(size, new NodeProcessClusterOptions(
        ExtraArguments: ["--config", config, "--log-level", "Warning"],
        Cores: pinned ? Enumerable.Range(0, size).Select(k => (int?)(k % 2)).ToArray() : null));
    await cluster.AwaitAllUpAsync(TimeSpan.FromSeconds(180));
    return cluster;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
