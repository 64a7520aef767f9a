using MediaPlatform.Bench.Api;
using MediaPlatform.Testing.Nodes;

// HTTP API vs straight to the shard region, on one local 3-node cluster, in the same run:
// 1. start 3 nodes in this process; sign up and log in a pool of users over HTTP;
// 2. for each operation (profile read, persisted profile update, ...): N concurrent clients over HTTP (spread over
//    the 3 nodes) and the same commands asked of node 1's shard region in-process; medians of --runs;
//    with --floors, first what HTTP costs before the node's own work (HttpFloors);
// 3. memory: bring 10,000 user entities to life and measure the managed heap they hold.
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
if (options.Overhead)
{
    // 4. --observability-overhead: the persisted-command path with metrics and tracing on vs off (its own clusters).
    await ObservabilityOverhead.RunAsync(options);
    return 0;
}
if (options.Grpc)
{
    // 5. --grpc: the same questions (title lookups, entitlement checks) over gRPC and over the JSON routes.
    await GrpcVersusJson.RunAsync(options);
    return 0;
}
Console.WriteLine($"{options.Requests:N0} requests per operation and path, {options.Clients} concurrent clients, " +
                  $"{options.Runs} run(s), medians; {Environment.ProcessorCount} cores");

// Every bench user signs up and logs in from 127.0.0.1 (raised rate limits); the order benchmark buys a new made-up
// title per request, and publishing that many would need the media pipeline.
await using var cluster = await InProcessNodeCluster.StartAsync(3, "bench", extraHocon: "media-platform.billing.require-published-title = off");
var pool = await UserPool.CreateAsync(cluster, options.Users);
var rows = new List<ComparisonRow>();
await using var floors = options.Floors ? await HttpFloors.StartAsync(cluster, pool) : null;
var operations = Operations.All(cluster, pool).Take(options.Operations);
if (floors is not null) operations = floors.Rows(cluster, pool).Concat(operations);
foreach (var operation in operations)
    rows.Add(await Comparison.RunAsync(operation, options));
ComparisonTable.Print(rows);

if (options.MemoryEntities > 0)
    await EntityMemory.MeasureAsync(cluster, options.MemoryEntities);
return 0;
