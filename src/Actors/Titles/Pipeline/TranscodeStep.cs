using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// The transcode of a probed title, spread over the cluster: prepare the source (keyframe chunks + audio, once),
/// queue one item per chunk — the chunk to every rung with one ffmpeg, sized by source pixels × seconds — with the
/// transcode coordinator (idempotent by work id, so queuing again after a crash changes nothing; a batch already
/// queued whole is not prepared again), follow the batch and record progress on the title, and once every encode is
/// done assemble and package the rungs and store the package. An item that failed all its attempts fails the title at
/// once with that item's ffmpeg error, and the title's clean-up cancels what is left of the batch. While the batch
/// encodes, the encoded prefix of each rung is served as growing playlists (<see cref="EarlyPlaylists"/>). One item
/// per chunk also checks the chunk's picture in the same ffmpeg (<see cref="SourceQualityCheck"/> joins the checks). The
/// heavy local steps — split, audio, packaging — wait for the node's limiter (<see cref="LocalStep"/>).
/// </summary>
internal sealed class TranscodeStep(string titleId, PipelineContext context, TitleClient client, ILoggingAdapter log, PipelineTrace trace)
{
    private const int SubmitParallelism = 8;
    private string? _queuedBatch; // queued by this incarnation: no need to queue it again
    private (int Done, int Total) _lastLogged;
    private readonly EarlyPlaylists _early = new(titleId, context, log);

    public async Task<PipelineStep> RunAsync(TitleView title, IActorRef self, CancellationToken ct)
    {
        var work = TitleWork.For(context.WorkRoot, titleId, title.Source!.UploadId);
        if (_queuedBatch != work.BatchId)
        {
            // A batch the queue already holds whole (this pipeline resumed on another node) needs no preparing again.
            if (await BatchAsync(work, ct) is not { } held || held.Submitted < held.Total) await QueueAsync(title, work, self, ct);
            _queuedBatch = work.BatchId;
        }

        var batch = await BatchAsync(work, ct);
        if (batch is null)
        {
            _queuedBatch = null; // the queue lost it (a fresh journal): queue it again
            return PipelineStep.Continue;
        }
        await RecordProgressAsync(title, batch, ct);
        // One item failed for good: the title fails now, not once the rest is encoded (its clean-up cancels the rest).
        if (batch.Items.FirstOrDefault(i => i.Status == WorkStatus.Failed) is { } failed)
            throw new PipelineFailure($"encoding chunk {failed.WorkId[(work.BatchId.Length + 1)..]} failed after {failed.Failures} attempt(s): {failed.LastError}");
        if (!batch.Finished)
        {
            // The encoded prefix of each rung is served while the rest encodes.
            await _early.UpdateAsync(title, work, Encoded(batch).ToList(), ct);
            return PipelineStep.Waiting;
        }
        await PackageAsync(title, work, batch, ct);
        return PipelineStep.Continue;
    }

    private async Task<BatchStatus?> BatchAsync(TitleWork work, CancellationToken ct) =>
        await context.Coordinator.Ask<object>(new GetBatchStatus(work.BatchId), PipelineContext.AskTimeout, ct) switch
        {
            BatchStatus status => status,
            Rejection { Kind: RejectionKind.NotFound } => null,
            var other => throw new InvalidOperationException($"the transcode queue answered {other}"),
        };

    private async Task QueueAsync(TitleView title, TitleWork work, IActorRef self, CancellationToken ct)
    {
        // Split, queue and audio; the queue's items carry this span's context to whichever worker encodes them.
        using var span = trace.Step("prepare");
        var probe = title.Probe!;
        var source = await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
        var preparation = new SourcePreparation(context.Runner);
        var prepared = await LocalStep.RunAsync(context, titleId, log, "split",
            t => preparation.SplitAsync(source, work.Folder, context.Settings.ChunkSeconds, t), ct);
        var encodes = prepared.EncodeItems(title.Ladder, probe.Rotation, (chunk, rung) => work.EncodedPath(chunk.Index, rung.Name));
        foreach (var rung in title.Ladder) Directory.CreateDirectory(Path.GetDirectoryName(work.EncodedPath(0, rung.Name))!);

        // A chunk queued in several items (the first and the last) has one work id per item, named by its rungs.
        // Exactly one item per chunk checks its picture: the one holding the top rung, so a chunk's lowest rung (what
        // plays first) is never held up by the check.
        var top = title.Ladder[^1].Name;
        // An item of the whole chunk is batch/chunk, of some of its rungs batch/chunk/rung+rung… (one rung: batch/chunk/rung).
        // A chunk's items are queued in the order they come (ChunkItemGroups: the first chunk's lowest rung first, the
        // last chunk's larger half first): their rank says so, as their ids sort by rung name.
        var items = encodes.Select((e, n) => (WorkId: e.Rungs.Count < title.Ladder.Count ? work.WorkId(e.Chunk.Index, string.Join('+', e.Rungs.Select(r => r.Name))) : work.WorkId(e.Chunk.Index),
            Encode: e, Checks: e.Rungs.Any(r => r.Name == top),
            Rank: e.Rungs.Count < title.Ladder.Count ? encodes.Take(n).Count(x => x.Chunk.Index == e.Chunk.Index) : (int?)null)).ToList();
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = SubmitParallelism, CancellationToken = ct }, async (item, token) =>
        {
            var payload = ChunkEncodePayload.For(item.Encode, probe.Width, probe.Height) with
            {
                Qc = item.Checks ? StoredChunkQcSettings.From(context.Settings.Quality, SampledFrames(item.Encode.Chunk, prepared.Chunks)) : null,
                Rank = item.Rank,
            };
            var submit = SubmitChunkWork.For(item.WorkId, work.BatchId, items.Count, payload, self);
            var answer = await context.Coordinator.Ask<object>(Observability.TracedMessage.Wrap(submit), PipelineContext.AskTimeout, token);
            if (answer is Rejection refused) throw new PipelineFailure($"the transcode queue refused {submit.WorkId}: {refused.Message}");
        });
        log.Info("title {0}: {1} chunks queued as batch {2} ({3} items), each to {4} rungs in one encode", titleId, prepared.Chunks.Count,
            work.BatchId, items.Count, title.Ladder.Count);
        // The audio is encoded while the chunks are: packaging and publishing need it only once every chunk is done,
        // the early playlists as soon as the first chunk is.
        await LocalStep.RunAsync(context, titleId, log, "audio", t => preparation.CompleteAsync(source, probe, work.Folder, t), ct);
    }

    /// <summary>
    /// Frames the stuck-pixel check samples from a chunk (0: none). The title's sample count is spread over as many
    /// evenly spaced chunks as can each judge a pixel on their own (enough frames each), so the node decides on about
    /// as many frames as it did for the whole source, whatever the number of chunks; a short title samples every chunk.
    /// </summary>
    private int SampledFrames(Streams.Chunking.VideoChunk chunk, IReadOnlyList<Streams.Chunking.VideoChunk> chunks)
    {
        var frames = context.Settings.Quality.StuckPixelSampleFrames;
        if (frames == 0) return 0;
        const int least = Streams.Quality.Chunks.ChunkPictureAnalysis.MinSampledFrames;
        var n = chunks.Count;
        var samplers = Math.Clamp(frames / least, 1, n);
        var k = chunks.Select(c => c.Index).Order().ToList().IndexOf(chunk.Index);
        // Chunk k samples when it is the first of one of `samplers` equal runs of chunks.
        if (k > 0 && k * samplers / n == (k - 1) * samplers / n) return 0;
        return Math.Min(chunk.FrameCount, Math.Max(least, (frames + samplers - 1) / samplers));
    }

    /// <summary>Every rung's encodes of the batch's completed items, whichever item shape (a chunk to every rung, or to one).</summary>
    private static IEnumerable<Streams.Encoding.ChunkEncodeResult> Encoded(BatchStatus batch) =>
        batch.Items.Where(i => i.Status == WorkStatus.Completed).SelectMany(i => i.Results ?? (i.Result is { } r ? [r] : []));

    private async Task RecordProgressAsync(TitleView title, BatchStatus batch, CancellationToken ct)
    {
        var encoded = Encoded(batch).ToList();
        // Item ids are batch/chunk (every rung) or batch/chunk/rungs (some rungs: the first and last chunks, or items queued before one decode per chunk).
        var chunks = batch.Items.Select(i => i.WorkId[(batch.BatchId.Length + 1)..].Split('/')[0]).Distinct().Count();
        var rungs = title.Ladder.Select(r => new RungProgress(r.Name, encoded.Count(e => e.RungName == r.Name), chunks)).ToList();
        var recorded = title.Progress;
        if (title.Status == TitleStatus.Transcoding && recorded is { } p && p.ChunksDone == batch.Done && p.ChunksTotal == batch.Total) return;
        var view = await client.AskAsync(new RecordTranscodeProgress(titleId, batch.Done, batch.Total, rungs), ct);
        if (_lastLogged == (batch.Done, batch.Total) || view?.Progress is not { } progress) return;
        _lastLogged = (batch.Done, batch.Total);
        log.Info("title {0}: {1}/{2} encodes done ({3:0.0}%), {4} in flight, {5}", titleId, progress.ChunksDone, progress.ChunksTotal,
            progress.Percent, batch.InFlight, progress.EstimatedRemaining is { } left ? $"about {left.TotalSeconds:0} s left" : "no estimate yet");
    }

    private async Task PackageAsync(TitleView title, TitleWork work, BatchStatus batch, CancellationToken ct)
    {
        if (SourcePreparation.TryLoadChunks(work.Folder) is null)
            throw new PipelineFailure("the prepared chunks of this upload are gone from the shared work folder; upload the source again");
        // Complete already, unless the pipeline moved nodes between queuing the chunks and encoding the audio.
        var prepared = SourcePreparation.TryLoad(work.Folder);
        if (prepared is null)
        {
            var source = await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
            prepared = await LocalStep.RunAsync(context, titleId, log, "audio",
                t => new SourcePreparation(context.Runner).CompleteAsync(source, title.Probe!, work.Folder, t), ct);
        }
        if (batch.Items.FirstOrDefault(i => i.Result is null) is { } missing) throw new PipelineFailure($"encode {missing.WorkId} completed without a result");
        var results = Encoded(batch).ToList();
        using var span = trace.Step("package");
        log.Info("title {0}: every encode done; packaging {1} rungs as HLS", titleId, title.Ladder.Count);
        PipelineSteps.TryDeleteFolder(work.PackageFolder); // a package half-written by an interrupted attempt
        var summary = await LocalStep.RunAsync(context, titleId, log, "package", t => new RenditionPackaging(context.Runner).PackageAsync(
            title.Probe!, title.Ladder, prepared.Chunks, results, prepared.Audio, work.PackageFolder,
            context.Settings.SegmentSeconds, TimeSpan.Zero, t, context.Settings.Thumbnails), ct);
        if (summary.ThumbnailFailure is { } failure)
            log.Warning("title {0}: no seek-bar preview ({1}); the poster is a frame a tenth of the way in", titleId, failure);
        else if (summary.Thumbnails is { } preview)
            log.Info("title {0}: seek-bar preview of {1} thumbnails on {2} sprite sheet(s) from {3} decoded frames, poster at {4:0.0} s", titleId,
                preview.Tiles.Count, preview.Sheets.Count, preview.Candidates, preview.PosterTime.TotalSeconds);
        // The segments the early playlists stored are these very bytes: only what is new is stored.
        var files = await BlobFiles.UploadFolderAsync(context.Store, work.PackageFolder, work.HlsPrefix, ct,
            key => _early.StoredSame(key, Path.Combine(work.PackageFolder, key[work.HlsPrefix.Length..])));
        await client.AskAsync(new RecordPackaged(titleId, work.HlsPrefix, summary.MasterPlaylist, title.Ladder), ct);
        log.Info("title {0}: packaged {1} rungs ({2}), {3} files stored under {4}", titleId, summary.Rungs.Count,
            string.Join(", ", summary.Rungs.Select(r => $"{r.Name} {r.SegmentCount} segments")), files, work.HlsPrefix);
    }
}
