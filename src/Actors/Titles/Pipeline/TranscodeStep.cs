using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// The transcode of a probed title, spread over the cluster: prepare the source (keyframe chunks + audio, once),
/// queue every chunk × rung encode with the transcode coordinator (idempotent by work id, so queuing again after a
/// crash changes nothing), follow the batch and record progress on the title, and once every encode is done assemble
/// and package the rungs and store the package. A batch with an encode that failed all its attempts fails the title
/// with that encode's ffmpeg error.
/// </summary>
internal sealed class TranscodeStep(string titleId, PipelineContext context, TitleClient client, ILoggingAdapter log)
{
    private const int SubmitParallelism = 8;
    private string? _queuedBatch; // queued by this incarnation: no need to queue it again
    private (int Done, int Total) _lastLogged;

    public async Task<PipelineStep> RunAsync(TitleView title, IActorRef self, CancellationToken ct)
    {
        var work = TitleWork.For(context.WorkRoot, titleId, title.Source!.UploadId);
        if (_queuedBatch != work.BatchId)
        {
            await QueueAsync(title, work, self, ct);
            _queuedBatch = work.BatchId;
        }

        var batch = await context.Coordinator.Ask<object>(new GetBatchStatus(work.BatchId), PipelineContext.AskTimeout, ct) switch
        {
            BatchStatus status => status,
            Rejection { Kind: RejectionKind.NotFound } => null,
            var other => throw new InvalidOperationException($"the transcode queue answered {other}"),
        };
        if (batch is null)
        {
            _queuedBatch = null; // the queue lost it (a fresh journal): queue it again
            return PipelineStep.Continue;
        }
        await RecordProgressAsync(title, batch, ct);
        if (!batch.Finished) return PipelineStep.Waiting;

        if (batch.Items.FirstOrDefault(i => i.Status == WorkStatus.Failed) is { } failed)
            throw new PipelineFailure($"encoding chunk {failed.WorkId[(work.BatchId.Length + 1)..]} failed after {failed.Failures} attempt(s): {failed.LastError}");
        await PackageAsync(title, work, batch, ct);
        return PipelineStep.Continue;
    }

    private async Task QueueAsync(TitleView title, TitleWork work, IActorRef self, CancellationToken ct)
    {
        var probe = title.Probe!;
        var source = await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
        var prepared = await new SourcePreparation(context.Runner).PrepareAsync(source, probe, work.Folder, context.Settings.ChunkSeconds, ct);
        var encodes = prepared.EncodeRequests(title.Ladder, probe.Rotation, (chunk, rung) => work.EncodedPath(chunk.Index, rung.Name));
        foreach (var rung in title.Ladder) Directory.CreateDirectory(Path.GetDirectoryName(work.EncodedPath(0, rung.Name))!);

        await Parallel.ForEachAsync(encodes, new ParallelOptions { MaxDegreeOfParallelism = SubmitParallelism, CancellationToken = ct }, async (encode, token) =>
        {
            var submit = SubmitWork.For(work.WorkId(encode.Chunk.Index, encode.Rung.Name), work.BatchId, encodes.Count, EncodePayload.From(encode), self);
            var answer = await context.Coordinator.Ask<object>(submit, PipelineContext.AskTimeout, token);
            if (answer is Rejection refused) throw new PipelineFailure($"the transcode queue refused {submit.WorkId}: {refused.Message}");
        });
        log.Info("title {0}: {1} chunks x {2} rungs = {3} encodes queued as batch {4}", titleId, prepared.Chunks.Count,
            title.Ladder.Count, encodes.Count, work.BatchId);
    }

    private async Task RecordProgressAsync(TitleView title, BatchStatus batch, CancellationToken ct)
    {
        var rungs = title.Ladder.Select(r => new RungProgress(r.Name,
            batch.Items.Count(i => i.Status == WorkStatus.Completed && TitleWork.RungOf(i.WorkId) == r.Name),
            batch.Total / Math.Max(1, title.Ladder.Count))).ToList();
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
        var prepared = SourcePreparation.TryLoad(work.Folder)
            ?? throw new PipelineFailure("the prepared chunks of this upload are gone from the shared work folder; upload the source again");
        var results = batch.Items.Select(i => i.Result ?? throw new PipelineFailure($"encode {i.WorkId} completed without a result")).ToList();
        log.Info("title {0}: every encode done; assembling {1} rungs and packaging HLS", titleId, title.Ladder.Count);
        PipelineSteps.TryDeleteFolder(work.PackageFolder); // a package half-written by an interrupted attempt
        Directory.CreateDirectory(work.AssemblyFolder);
        var summary = await new RenditionPackaging(context.Runner).PackageAsync(title.Probe!, title.Ladder, prepared.Chunks, results,
            prepared.Audio, work.AssemblyFolder, work.PackageFolder, context.Settings.SegmentSeconds, TimeSpan.Zero, ct);
        var files = await BlobFiles.UploadFolderAsync(context.Store, work.PackageFolder, work.HlsPrefix, ct);
        await client.AskAsync(new RecordPackaged(titleId, work.HlsPrefix, summary.MasterPlaylist, title.Ladder), ct);
        log.Info("title {0}: packaged {1} rungs ({2}) into {3} files under {4}", titleId, summary.Rungs.Count,
            string.Join(", ", summary.Rungs.Select(r => $"{r.Name} {r.SegmentCount} segments")), files, work.HlsPrefix);
    }
}
