using System.Collections.Concurrent;
using MediaPlatform.Actors.Work;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Work.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Work;

/// <summary>
/// A title's chunk×rung encodes (a generated 12 s 720p clip split at its keyframes) spread over three in-process
/// nodes by the transcode queue, and one node crashes while it is encoding: the coordinator's own node (the singleton
/// moves and recovers from the journal) or a worker's. Every work item still completes, each output holds every
/// frame of its chunk, and the journal shows exactly one completion per work item.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class TranscodeFailoverSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public Task Crashing_the_coordinators_node_mid_title_must_still_complete_every_work_item_once_with_complete_outputs() =>
        CrashMidTitleAsync(victimIndex: 0);

    [Fact]
    public Task Crashing_a_workers_node_mid_title_must_still_complete_every_work_item_once_with_complete_outputs() =>
        CrashMidTitleAsync(victimIndex: 2);

    private async Task CrashMidTitleAsync(int victimIndex)
    {
        await using var cluster = await TranscodeCluster.StartAsync(output);
        var (victim, observer) = (cluster.Nodes[victimIndex], cluster.Nodes[1]);
        var title = await TitleMedia.CreateAsync(cluster.SharedFolder, seconds: 12, width: 1280, height: 720);
        var notices = new ConcurrentQueue<object>();
        var orchestrator = observer.System.ActorOf(NoticeCollector.PropsFor(notices), "title-orchestrator");
        await cluster.SubmitAsync(observer, title, orchestrator);

        // Crash while the victim is early in an encode, so that work is surely lost with it.
        var victimNode = victim.Address.ToString();
        WorkItemView? lost = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            var status = await TranscodeCluster.StatusAsync(observer);
            lost = status?.Items.FirstOrDefault(i => i.Status == WorkStatus.InFlight && i.Node == victimNode && i.Progress is not >= 0.5);
            Assert.True(status is { Done: >= 2 } && lost is not null, $"waiting for done work and an early encode on {victimNode}");
        }, Deadline, TimeSpan.FromMilliseconds(100));
        cluster.Note($"crashing node {victimIndex} ({victimNode}) while it encodes {lost!.WorkId}");
        await victim.CrashAsync();

        BatchStatus? final = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            final = await TranscodeCluster.StatusAsync(observer);
            Assert.True(final is { Finished: true }, $"waiting for the batch: {final?.Done} done, {final?.InFlight} in flight, {final?.Pending} pending");
        }, Deadline, TimeSpan.FromMilliseconds(500));
        cluster.Note($"batch finished: {final!.Done} done, {final.Failed} failed of {final.Total}");

        Assert.Equal((title.Work.Count, 0), (final.Done, final.Failed));
        Assert.All(final.Items, i => Assert.Equal(WorkStatus.Completed, i.Status));
        // The queue's own count, kept in its snapshots too: one accepted result per item, across the failover.
        Assert.All(final.Items, i => Assert.True(i.Completions == 1, $"{i.WorkId}: {i.Completions} results accepted"));
        foreach (var (workId, payload) in title.Work)
        foreach (var output in payload.OutputPaths)
            Assert.True(await TitleMedia.FrameCountAsync(output) == payload.Chunk.FrameCount, $"{workId}: frames of {output}");

        var events = await TranscodeCluster.JournalAsync(observer);
        var completions = events.OfType<WorkChunkCompleted>().ToList();
        // Every chunk once, with one result per rung (one encode per chunk and rung).
        Assert.All(completions, c => Assert.Equal(title.Work.Single(w => w.WorkId == c.WorkId).Payload.Rungs.Select(r => r.Name), c.Results.Select(r => r.RungName)));
        Assert.Equal(title.Work.Select(w => w.WorkId).Order(), completions.Select(c => c.WorkId).Order()); // each exactly once
        // The crash sends the victim's work back to the queue, and nothing re-queued is finished by the dead node. The item
        // seen early in its encode may still have finished on the victim in the moment before the crash: then it is not lost.
        var requeued = events.OfType<WorkRequeued>().Select(r => r.WorkId).ToHashSet();
        Assert.NotEmpty(requeued);
        Assert.All(completions.Where(c => requeued.Contains(c.WorkId)), c => Assert.DoesNotContain(victimNode + "/", c.Worker));
        if (completions.Single(c => c.WorkId == lost.WorkId).Worker.Contains(victimNode + "/"))
            cluster.Note($"{lost.WorkId} finished on {victimNode} just before the crash");
        else
            Assert.Contains(lost.WorkId, requeued);
        var nodesThatEncoded = completions.Select(c => c.Worker[..c.Worker.IndexOf("/user/", StringComparison.Ordinal)]).Distinct().Count();
        Assert.True(nodesThatEncoded >= 2, $"work spread over {nodesThatEncoded} node(s)");
        cluster.Note($"{events.OfType<WorkStarted>().Count()} attempts started, {events.OfType<WorkRequeued>().Count()} re-queued, " +
                     $"{completions.Count} completions; encoded on {nodesThatEncoded} nodes");

        // The owner hears that the batch finished (repeated by the coordinator, so also after a failover).
        await Eventually.AwaitAsync(() => Task.FromResult(notices.OfType<BatchProgress>().Any(p => p.IsFinished())),
            TimeSpan.FromSeconds(30), "the final batch progress notice");
    }
}
