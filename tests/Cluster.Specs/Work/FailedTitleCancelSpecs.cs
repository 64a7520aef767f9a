using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Specs.Work.Support;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Work;

/// <summary>
/// A title whose chunk cannot be encoded fails as soon as that chunk has failed all its attempts, and its batch's
/// work still pending is cancelled rather than encoded for nothing: the coordinator stores the cancellation, hands
/// out nothing of the batch after it, and the batch is acknowledged and forgotten.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class FailedTitleCancelSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task A_title_failing_on_one_chunk_must_cancel_the_rest_of_its_batch()
    {
        await using var cluster = await TranscodeCluster.StartAsync(output);
        var entry = cluster.Nodes[1];
        var (titleId, uploadId) = ($"t-cancel-{Guid.NewGuid():N}"[..22], "u-" + Guid.NewGuid().ToString("N")[..12]);
        var source = await TitleMedia.SourceAsync(cluster.SharedFolder, seconds: 40, width: 1280, height: 720);
        await TitleUploads.UploadAsync(entry, titleId, uploadId, source, "Doomed");
        var batchId = TitleWork.For("", titleId, uploadId).BatchId;

        // Once the source is split, a chunk in the middle is overwritten in place with bytes ffmpeg cannot decode.
        var work = TitleWork.For(entry.Options.WorkDirectory, titleId, uploadId).Folder;
        await Eventually.AwaitAsync(() => File.Exists(Path.Combine(work, "chunks.json")), Deadline, "the source split into chunks");
        var bad = Directory.EnumerateFiles(work, "chunk_00005.mkv", SearchOption.AllDirectories).Single();
        await File.WriteAllBytesAsync(bad, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray());
        cluster.Note($"chunk 5 of {titleId} corrupted");

        TitleView? title = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            title = await TitleUploads.TitleAsync(entry, titleId);
            Assert.True(title is { Status: TitleStatus.Failed or TitleStatus.Published }, $"waiting for the title: {title?.Status}");
        }, Deadline, TimeSpan.FromMilliseconds(200));
        Assert.Equal(TitleStatus.Failed, title!.Status);
        Assert.Contains("00005", title.Failure!.Reason);
        cluster.Note($"failed: {title.Failure.Reason}");

        // The failed title's clean-up cancels and acknowledges its batch: the queue forgets it.
        await Eventually.AwaitAsync(async () => await TranscodeCluster.StatusAsync(entry, batchId) is null, TimeSpan.FromSeconds(60), "the batch forgotten");
        var events = (await TranscodeCluster.JournalAsync(entry)).ToList();
        var cancelled = events.OfType<BatchCancelled>().SingleOrDefault(b => b.BatchId == batchId);
        Assert.True(cancelled is not null, "the batch was cancelled while it still had work (not left to finish on its own)");
        Assert.Contains(titleId, cancelled.Reason);
        var ofBatch = events.Where(e => WorkIdOf(e) is { } id && id.StartsWith(batchId + "/", StringComparison.Ordinal)).ToList();
        var accepted = ofBatch.Count(e => e is WorkChunkAccepted);
        var completed = ofBatch.OfType<WorkChunkCompleted>().Count();
        var startedAfter = events.SkipWhile(e => !ReferenceEquals(e, cancelled)).OfType<WorkStarted>().Count(s => s.WorkId.StartsWith(batchId + "/", StringComparison.Ordinal));
        cluster.Note($"{accepted} items, {completed} completed before the cancellation, {startedAfter} started after it");
        Assert.Equal(0, startedAfter);
        Assert.True(completed < accepted - 1, $"pending work was dropped, not encoded: {completed} of {accepted} completed");
    }

    private static string? WorkIdOf(IWorkEvent e) => e switch
    {
        WorkChunkAccepted a => a.WorkId,
        WorkChunkCompleted c => c.WorkId,
        _ => null,
    };
}
