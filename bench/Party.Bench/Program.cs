using MediaPlatform.Bench.Party;
using MediaPlatform.Testing.Nodes;

// Watch-party fan-out on a local 3-node cluster in this process (real remoting on loopback, real Kestrel + SignalR):
// 1. one party whose members hold N hub connections (.NET SignalR clients) spread over the 3 nodes;
// 2. rounds of: the host seeks (a hub call on node 1), timed until every connection has been pushed the new view;
// 3. the anchor in the same run: a raw DistributedPubSub publish, from the node holding the party, to N plain
//    subscriber actors spread over the same nodes, timed until every subscriber has it.
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
var timeout = TimeSpan.FromSeconds(10);
Console.WriteLine($"{options.Connections} receivers over 3 nodes, {options.Actions} timed rounds after {options.Warmup} warm-up rounds; " +
                  $"{Environment.ProcessorCount} cores");

await using var cluster = await InProcessNodeCluster.StartAsync(3, "partybench",
    extraHocon: "media-platform.serialization.extra-assemblies = [\"Party.Bench\"]");
await using var party = await FanOutParty.StartAsync(cluster, options.Connections);
Console.WriteLine($"party {party.PartyId}: {party.Members} members, {party.Connections} connections; the party lives on node {party.Holder + 1}");

var partyRounds = await FanOutTable.RunAsync(options, marker => party.SeekAsync(marker, timeout));
var raw = await RawFanOut.StartAsync(cluster, options.Connections, party.Holder);
var rawRounds = await FanOutTable.RunAsync(options, marker => raw.PublishAsync(marker, timeout));

FanOutTable.Print(options.Connections, partyRounds, rawRounds);
return 0;
