using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Audio;
using MediaPlatform.Streams.Quality.Chunks;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Quality control of a title once its chunks are encoded, without decoding its video again: the black/freeze/
/// stuck-pixel findings the workers made while encoding each chunk (in the same ffmpeg), joined across chunk
/// boundaries; silence on the audio track, which is encoded once; and the subtitles. A batch whose chunks were not
/// all checked (items queued before chunks were checked on the workers) or that the queue no longer holds falls back
/// to one analysis pass over the whole source.
/// </summary>
internal sealed class SourceQualityCheck(string titleId, PipelineContext context, ILoggingAdapter log)
{
    public async Task<TitleQcSummary> RunAsync(TitleView title, TitleWork work, CancellationToken ct)
    {
        var thresholds = context.Settings.Quality;
        var subtitles = new List<SubtitleFile>();
        foreach (var track in title.Subtitles)
            subtitles.Add(new SubtitleFile($"subtitles {track.Language}", await BlobFiles.LocalFileAsync(context.Store, track.BlobKey, work.CopyFolder, ct)));
        if (ChunkChecks(await BatchAsync(work, ct)) is not { } chunks)
        {
            log.Info("title {0}: quality control of the whole source and {1} subtitle track(s) (its chunks were not checked while encoding)", titleId, subtitles.Count);
            var source = await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
            return TitleQcSummary.From(await QualityControl.RunAsync(new QcRequest(titleId, source, subtitles, thresholds), ct));
        }
        log.Info("title {0}: quality control from {1} chunk check(s), the audio track and {2} subtitle track(s)", titleId, chunks.Count, subtitles.Count);
        var findings = new List<QcFinding>(ChunkQcJoin.Findings(chunks, thresholds));
        findings.AddRange(await AudioFindingsAsync(title, work, thresholds, ct));
        var report = QcReport.From(findings, thresholds);
        foreach (var subtitle in subtitles)
            report = report.Add((await SubtitleQualityCheck.RunAsync(subtitle, thresholds, ct)).Findings, thresholds);
        return TitleQcSummary.From(report);
    }

    /// <summary>One check per chunk of the batch, or null when a chunk has none (or there is no batch).</summary>
    internal static IReadOnlyList<ChunkPictureQc>? ChunkChecks(BatchStatus? batch)
    {
        if (batch is null || batch.Items.Count == 0) return null;
        var byChunk = batch.Items.GroupBy(i => ChunkOf(batch.BatchId, i.WorkId)).ToList();
        var checks = byChunk.Select(g => g.Select(i => i.Qc).FirstOrDefault(q => q is not null)).ToList();
        return checks.Any(q => q is null) ? null : checks.Select(q => q!).OrderBy(q => q.Start).ToList();
    }

    // Item ids are batch/chunk (every rung) or batch/chunk/rung (one rung).
    private static string ChunkOf(string batchId, string workId) => workId[(batchId.Length + 1)..].Split('/')[0];

    private async Task<IReadOnlyList<QcFinding>> AudioFindingsAsync(TitleView title, TitleWork work, QcThresholds thresholds, CancellationToken ct)
    {
        if (title.Probe is { HasAudio: false })
            return [new QcFinding(QcChecks.NoAudio, QcSeverity.Info, "the file has no audio stream")];
        // The track encoded once for packaging; the source itself if that is gone (its audio, not its video, is decoded).
        var track = SourcePreparation.TryLoad(work.Folder)?.Audio;
        var path = track?.Path ?? await BlobFiles.LocalFileAsync(context.Store, title.Source!.BlobKey, work.CopyFolder, ct);
        var duration = track?.Duration ?? title.Probe!.Duration;
        return await SilenceCheck.RunAsync(path, duration, thresholds, context.Runner, ct);
    }

    private async Task<BatchStatus?> BatchAsync(TitleWork work, CancellationToken ct) =>
        await context.Coordinator.Ask<object>(new GetBatchStatus(work.BatchId), PipelineContext.AskTimeout, ct) switch
        {
            BatchStatus status => status,
            Rejection { Kind: RejectionKind.NotFound } => null,
            var other => throw new InvalidOperationException($"the transcode queue answered {other}"),
        };
}
