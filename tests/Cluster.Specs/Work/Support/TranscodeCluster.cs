using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>
/// Three full nodes in this process (the real hosting: coordinator singleton, proxy and a worker on each), a shared
/// SQLite journal, one blob directory and a shared folder standing for the blob store every node reaches. Node 0 starts first, so it is the
/// oldest and hosts the coordinator. One encode at a time per node, so the work spreads over all three.
/// </summary>
public sealed class TranscodeCluster : IAsyncDisposable
{
    public const string BatchId = "title-1";
    private static readonly TimeSpan Formation = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    private const string Overrides = """
        media-platform.transcode {
          max-concurrent-encodes = 1
          preset = veryfast
          check-in-interval = 500ms
          work-timeout = 8s
          reap-interval = 1s
          worker-dispatcher = "akka.actor.media-dispatcher"
        }
        akka.coordinated-shutdown.run-by-actor-system-terminate = off
        # Joined through --seed-nodes (plain akka.tcp addresses), so no throttling adapter here.
        akka.remote.dot-netty.tcp.applied-adapters = []
        """;

    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly List<InProcessNode> _nodes = [];

    private TranscodeCluster(ITestOutputHelper output, TempDirectory root) => (_output, Root) = (output, root);

    public TempDirectory Root { get; }

    public IReadOnlyList<InProcessNode> Nodes => _nodes;

    public string SharedFolder => Root.Combine("shared");

    /// <summary>The blob store every node shares (uploads and HLS packages; the transcode work folder is inside it).</summary>
    public string BlobFolder => Root.Combine("blobs");

    public static async Task<TranscodeCluster> StartAsync(ITestOutputHelper output)
    {
        var cluster = new TranscodeCluster(output, new TempDirectory("transcode-failover"));
        var ports = Enumerable.Range(0, 3).Select(_ => FreePorts.Next()).ToArray();
        var hocon = ConfigurationFactory.ParseString(Overrides).WithFallback(MultiNodeConfig.Create());
        for (var i = 0; i < 3; i++)
        {
            var options = NodeOptionsParser.Parse(
            [
                "--hostname", "127.0.0.1", "--remote-port", ports[i].ToString(), "--http-port", FreePorts.Next().ToString(),
                "--data-dir", cluster.Root.Combine($"node-{i}"), "--sqlite-file", cluster.Root.Combine("journal.db"),
                "--blob-dir", cluster.BlobFolder,
                "--seed-nodes", $"akka.tcp://{MultiNodeConfig.SystemName}@127.0.0.1:{ports[0]}", "--cluster-name", MultiNodeConfig.SystemName,
            ], new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = "in-process-cluster-token-key-0123456789" }, AppContext.BaseDirectory)!;
            cluster._nodes.Add(await InProcessNode.StartAsync(options, hocon, SystemClock.Instance));
            await Eventually.AwaitAssertAsync(() =>
            {
                Assert.Equal(i + 1, ClusterHarness.UpMembersSeenBy(cluster._nodes[0].System).Length);
                return Task.CompletedTask;
            }, Formation);
        }
        cluster.Note("3 nodes Up");
        return cluster;
    }

    public async Task SubmitAsync(InProcessNode via, TitleMedia title, IActorRef subscriber)
    {
        var coordinator = via.Registered<EntityRegions.TranscodeCoordinatorProxy>();
        await Task.WhenAll(title.Work.Select(async w =>
        {
            var submit = SubmitChunkWork.For(w.WorkId, BatchId, title.Work.Count, w.Payload, subscriber);
            Assert.IsType<WorkAck>(await coordinator.Ask<object>(submit, TimeSpan.FromSeconds(30)));
        }));
        Note($"{title.Work.Count} work items submitted ({title.Chunks.Count} chunks)");
    }

    /// <summary>The batch as the coordinator sees it; null while no coordinator answers (failover).</summary>
    public static async Task<BatchStatus?> StatusAsync(InProcessNode via, string batchId = BatchId)
    {
        try
        {
            return await via.Registered<EntityRegions.TranscodeCoordinatorProxy>().Ask<object>(new GetBatchStatus(batchId), AskTimeout) as BatchStatus;
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Every event the coordinator (all its incarnations) stored, read back from the shared journal.</summary>
    public static async Task<IReadOnlyList<IWorkEvent>> JournalAsync(InProcessNode via)
    {
        var journal = PersistenceQuery.Get(via.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByPersistenceId(TranscodeCoordinator.Name, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), via.System.Materializer());
        return envelopes.Select(e => (IWorkEvent)e.Event).ToList();
    }

    public void Note(string message) => _output.WriteLine($"[{_elapsed.Elapsed.TotalSeconds,6:0.0} s] {message}");

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        Root.Dispose();
    }
}
