using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Work.Support;

/// <summary>
/// Three full nodes in this process (<see cref="NodeActorCluster"/>: the real hosting, coordinator singleton, proxy and
/// a worker on each), a shared SQLite journal, one blob directory and a shared folder standing for the blob store every
/// node reaches. Node 0 starts first, so it is the oldest and hosts the coordinator. One encode at a time per node, so
/// the work spreads over all three.
/// </summary>
public sealed class TranscodeCluster : IAsyncDisposable
{
    public const string BatchId = "title-1";
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
        # Joined through plain akka.tcp seed addresses, so no throttling adapter here.
        akka.remote.dot-netty.tcp.applied-adapters = []
        """;

    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _elapsed;
    private readonly NodeActorCluster _nodes;

    private TranscodeCluster(ITestOutputHelper output, NodeActorCluster nodes, Stopwatch elapsed) =>
        (_output, _nodes, _elapsed) = (output, nodes, elapsed);

    public TempDirectory Root => _nodes.Root;

    public IReadOnlyList<NodeActorHost> Nodes => _nodes.Nodes;

    public string SharedFolder => Root.Combine("shared");

    /// <summary>The blob store every node shares (uploads and HLS packages; the transcode work folder is inside it).</summary>
    public string BlobFolder => _nodes.BlobDirectory;

    /// <summary>
    /// A snapshot interval no spec reaches: the coordinator never snapshots, so it deletes none of its events, and a
    /// spec reads every decision it stored (<see cref="JournalAsync"/>) — each completion, re-queue and cancellation
    /// as it happened. Retention itself is proven with a reachable interval (CoordinatorJournalRetentionSpecs).
    /// </summary>
    public const int WholeJournal = 1_000_000;

    /// <param name="snapshotEvery">The entities' snapshot interval (<c>media-platform.entities.snapshot-every</c>); the
    /// coordinator deletes the events below each snapshot.</param>
    public static async Task<TranscodeCluster> StartAsync(ITestOutputHelper output, int snapshotEvery = WholeJournal)
    {
        var elapsed = Stopwatch.StartNew();
        var hocon = ConfigurationFactory.ParseString($"media-platform.entities.snapshot-every = {snapshotEvery}")
            .WithFallback(ConfigurationFactory.ParseString(Overrides)).WithFallback(MultiNodeConfig.Create());
        var cluster = new TranscodeCluster(output, await NodeActorCluster.StartAsync("transcode-failover", 3, hocon), elapsed);
        cluster.Note("3 nodes Up");
        return cluster;
    }

    public async Task SubmitAsync(NodeActorHost via, TitleMedia title, IActorRef subscriber)
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
    public static async Task<BatchStatus?> StatusAsync(NodeActorHost via, string batchId = BatchId)
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

    /// <summary>
    /// Every event the coordinator (all its incarnations) stored, read back from the shared journal: whole only in a
    /// cluster started with <see cref="WholeJournal"/>.
    /// </summary>
    public static async Task<IReadOnlyList<IWorkEvent>> JournalAsync(NodeActorHost via)
    {
        var journal = PersistenceQuery.Get(via.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        var envelopes = await journal.CurrentEventsByPersistenceId(TranscodeCoordinator.Name, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), via.System.Materializer());
        return envelopes.Select(e => (IWorkEvent)e.Event).ToList();
    }

    public void Note(string message) => _output.WriteLine($"[{_elapsed.Elapsed.TotalSeconds,6:0.0} s] {message}");

    public ValueTask DisposeAsync() => _nodes.DisposeAsync();
}
