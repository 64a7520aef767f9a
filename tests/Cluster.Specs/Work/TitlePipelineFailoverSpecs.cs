using Akka.Actor;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Specs.Work.Support;
using Xunit.Abstractions;

using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.Work;

/// <summary>
/// A title uploaded to a three-node cluster is driven by its pipeline (a remembered sharded entity) through probe,
/// cluster-wide encodes, packaging and quality control, and one node crashes while the title's chunks are being
/// encoded: the transcode coordinator's node, or the node running the title's pipeline (a worker too). The title
/// still publishes; the coordinator's journal holds exactly one completion per chunk × rung, and every published rung
/// holds exactly the source's frames — a chunk encoded into the output twice (or missing) would change that count.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class TitlePipelineFailoverSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);

    [Fact]
    public Task Crashing_the_coordinators_node_mid_title_must_still_publish_it_with_every_chunk_once() =>
        CrashMidTitleAsync(pickVictim: (_, _) => 0);

    [Fact]
    public Task Crashing_the_pipelines_node_mid_title_must_still_publish_it_with_every_chunk_once() =>
        // The pipeline's node unless that is the coordinator's (covered above); then another worker's node.
        CrashMidTitleAsync(pickVictim: (pipelineNode, _) => pipelineNode is > 0 ? pipelineNode : 2);

    private async Task CrashMidTitleAsync(Func<int, TranscodeCluster, int> pickVictim)
    {
        await using var cluster = await TranscodeCluster.StartAsync(output);
        var entry = cluster.Nodes[1];
        var (titleId, uploadId) = ($"t-failover-{Guid.NewGuid():N}"[..24], "u-" + Guid.NewGuid().ToString("N")[..12]);
        var source = await TitleMedia.SourceAsync(cluster.SharedFolder, seconds: 16, width: 1280, height: 720);
        await TitleUploads.UploadAsync(entry, titleId, uploadId, source, "Failover");
        var batchId = TitleWork.For("", titleId, uploadId).BatchId;

        // Crash while encodes are under way and one is running on the victim, so that work is surely lost with it.
        BatchStatus? status = null;
        var victimIndex = -1;
        await Eventually.AwaitAssertAsync(async () =>
        {
            status = await TranscodeCluster.StatusAsync(entry, batchId);
            var pipelineNode = await PipelineNodeAsync(cluster, titleId);
            victimIndex = pickVictim(pipelineNode, cluster);
            var victimNode = cluster.Nodes[victimIndex].Address.ToString();
            Assert.True(status is { Done: >= 2, Finished: false } && status.Items.Any(i => i.Status == WorkStatus.InFlight && i.Node == victimNode),
                $"waiting for done encodes and one in flight on node {victimIndex}: {status?.Done} done of {status?.Total}");
        }, Deadline, TimeSpan.FromMilliseconds(100));
        cluster.Note($"pipeline on node {await PipelineNodeAsync(cluster, titleId)}; crashing node {victimIndex} at {status!.Done}/{status.Total} encodes");
        await cluster.Nodes[victimIndex].CrashAsync();

        var observer = cluster.Nodes.First(n => n != cluster.Nodes[victimIndex]);
        TitleView? title = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            title = await TitleUploads.TitleAsync(observer, titleId);
            Assert.True(title is { Status: TitleStatus.Published or TitleStatus.Failed }, $"waiting for the title: {title?.Status} {title?.Progress?.Percent}%");
        }, Deadline, TimeSpan.FromMilliseconds(500));
        Assert.True(title!.Status == TitleStatus.Published, $"title failed: {title.Failure?.Reason}");
        cluster.Note($"published; progress {title.Progress!.ChunksDone}/{title.Progress.ChunksTotal}, QC passed={title.Qc!.Passed}");

        var events = await TranscodeCluster.JournalAsync(observer);
        var completions = events.OfType<WorkChunkCompleted>().Where(c => c.WorkId.StartsWith(batchId + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(title.Progress.ChunksTotal, completions.Count);
        Assert.Equal(completions.Count, completions.Select(c => c.WorkId).Distinct().Count()); // each exactly once
        // Every chunk's picture was checked by its encode, once, whichever node ran it (QC joined them after the crash).
        var checks = events.OfType<WorkChunkChecked>().Where(c => c.WorkId.StartsWith(batchId + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(completions.Select(c => c.WorkId[(batchId.Length + 1)..].Split('/')[0]).Distinct().Count(), checks.Count);
        Assert.Equal(checks.Count, checks.Select(c => c.Qc.Start).Distinct().Count());
        cluster.Note($"{events.OfType<WorkStarted>().Count()} attempts started, {events.OfType<WorkRequeued>().Count()} re-queued, {completions.Count} completions");

        var store = new DirectoryBlobStore(cluster.BlobFolder);
        var sourceFrames = await TitleMedia.FrameCountAsync(source);
        foreach (var rung in title.Ladder)
        {
            var playlist = store.LocalPathOf($"{title.Package!.HlsPrefix}{rung.Name}.m3u8")!;
            Assert.Equal(sourceFrames, await TitleMedia.FrameCountAsync(playlist));
        }
        cluster.Note($"every rung ({string.Join(", ", title.Ladder.Select(r => r.Name))}) holds the source's {sourceFrames} frames");
    }


    /// <summary>The index of the node whose shard region runs the title's pipeline; -1 while none does.</summary>
    private static async Task<int> PipelineNodeAsync(TranscodeCluster cluster, string titleId)
    {
        for (var i = 0; i < cluster.Nodes.Count; i++)
        {
            try
            {
                var state = await cluster.Nodes[i].Registered<EntityRegions.Pipelines>()
                    .Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(3));
                if (state.Shards.Any(s => s.EntityIds.Contains(titleId))) return i;
            }
            catch (Exception e) when (e is AskTimeoutException or ObjectDisposedException) { }
        }
        return -1;
    }
}
