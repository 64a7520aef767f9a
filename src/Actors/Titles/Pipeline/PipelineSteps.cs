using MediaPlatform.Actors.Observability;
using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// One title's pipeline, one step at a time: read the title's stored status and do what that status calls for —
/// start probing, probe, transcode (<see cref="TranscodeStep"/>), check quality and publish, or clean up. Every step
/// ends in a command to the title entity, so the title's journal is the pipeline's state: whoever runs the next step
/// (this node or, after a crash, another) carries on from there. Steps run one at a time, off the actor.
/// </summary>
public sealed class PipelineSteps(string titleId, PipelineContext context, ILoggingAdapter log, PipelineTrace trace)
{
    private readonly TitleClient _title = new(titleId, context.Titles, log);
    private readonly TranscodeStep _transcode = new(titleId, context, new TitleClient(titleId, context.Titles, log), log, trace);

    public async Task<PipelineStep> NextAsync(IActorRef self, CancellationToken ct)
    {
        var title = await _title.AskAsync(new GetTitle(titleId), ct);
        if (title is null) return PipelineStep.Finished; // no such title
        try
        {
            return title.Status switch
            {
                TitleStatus.SourceUploaded => await StartProbingAsync(ct),
                TitleStatus.Probing => await ProbeAsync(title, ct),
                TitleStatus.Probed or TitleStatus.Transcoding => await _transcode.RunAsync(title, self, ct),
                TitleStatus.QualityCheck => await CheckQualityAsync(title, ct),
                TitleStatus.Published or TitleStatus.Failed => await CleanUpAsync(title, ct),
                _ => PipelineStep.Finished, // Created: nothing uploaded yet; the upload drives the title again
            };
        }
        catch (Exception e) when (PipelineFailure.Permanent(e) is { } reason && !ct.IsCancellationRequested)
        {
            log.Warning("title {0}: {1} failed for good: {2}", titleId, title.Status, reason);
            await FailAsync(title, reason, ct);
            return PipelineStep.Continue;
        }
    }

    private async Task<PipelineStep> StartProbingAsync(CancellationToken ct)
    {
        await _title.AskAsync(new StartProbe(titleId), ct);
        return PipelineStep.Continue;
    }

    private async Task<PipelineStep> ProbeAsync(TitleView title, CancellationToken ct)
    {
        var source = title.Source!;
        var work = TitleWork.For(context.WorkRoot, titleId, source.UploadId);
        string path;
        try { path = await BlobFiles.LocalFileAsync(context.Store, source.BlobKey, work.CopyFolder, ct); }
        catch (FileNotFoundException)
        {
            await _title.AskAsync(RecordProbe.Rejected(titleId, RejectionReason.Missing, "the uploaded source is missing from storage; upload it again"), ct);
            return PipelineStep.Continue;
        }
        using var span = trace.Step("probe");
        log.Info("title {0}: probing {1} ({2:N0} bytes)", titleId, source.BlobKey, source.SizeBytes);
        var verdict = TitleQuotaRules.WithDurationLimit(await new SourceProber(context.Runner).ProbeAsync(path, ct), context.Settings.MaxSourceDuration);
        var recorded = await _title.AskAsync(RecordProbe.From(titleId, verdict, context.Settings.Ladder.For), ct);
        if (verdict is ProbeVerdict.Accepted accepted)
            log.Info("title {0}: {1}; ladder {2}", titleId, Describe(accepted.Probe), string.Join(", ", recorded?.Ladder.Select(r => r.Name) ?? []));
        else log.Warning("title {0}: source rejected: {1}", titleId, ((ProbeVerdict.Rejected)verdict).Message);
        return PipelineStep.Continue;
    }

    private static string Describe(ProbeResult p) =>
        $"{p.DisplayWidth}x{p.DisplayHeight} {p.FrameRate:0.###} fps, {p.Duration.TotalSeconds:0.0} s, {(p.HasAudio ? "with audio" : "no audio")}";

    private async Task<PipelineStep> CheckQualityAsync(TitleView title, CancellationToken ct)
    {
        var work = TitleWork.For(context.WorkRoot, titleId, title.Source!.UploadId);
        // The chunks' pictures were checked by the encodes: this joins them with the audio and subtitle checks.
        var summary = await LocalStep.RunAsync(context, titleId, log, "qc", t => CheckSourceAsync(title, work, t), ct);
        var recorded = await _title.AskAsync(new RecordQcReport(titleId, summary), ct);
        log.Info("title {0}: quality control {1} with {2} finding(s)", titleId,
            summary.BlocksPublishing ? "blocked publishing" : summary.Passed ? "passed" : "passed with warnings", summary.Findings.Count);
        if (recorded is { Status: TitleStatus.QualityCheck })
        {
            using var span = trace.Step("publish");
            await _title.AskAsync(new PublishTitle(titleId), ct);
            if (title.Source is { } source) MediaMetrics.Published(DateTimeOffset.UtcNow - source.UploadedAt);
            log.Info("title {0}: published, master playlist {1}{2}", titleId, recorded.Package?.HlsPrefix, recorded.Package?.MasterPlaylist);
        }
        return PipelineStep.Continue;
    }

    private async Task<TitleQcSummary> CheckSourceAsync(TitleView title, TitleWork work, CancellationToken ct)
    {
        using var span = trace.Step("quality check");
        return await new SourceQualityCheck(titleId, context, log).RunAsync(title, work, ct);
    }

    /// <summary>
    /// Removes the work folder and lets the queue forget the batch; a failed title's partial package goes too, and
    /// what its batch still had pending or in flight is cancelled first (no node keeps encoding a failed title); a published
    /// title's sampled frames are handed to the image pipeline.
    /// </summary>
    private async Task<PipelineStep> CleanUpAsync(TitleView title, CancellationToken ct)
    {
        if (title.Source is { } source)
        {
            var batch = TitleWork.For(context.WorkRoot, titleId, source.UploadId).BatchId;
            if (title.Status == TitleStatus.Failed)
            {
                var reason = $"title {titleId} failed: {title.Failure?.Reason ?? "unknown reason"}";
                if (await context.Coordinator.Ask<object>(new Work.CancelBatch(batch, reason), PipelineContext.AskTimeout, ct) is Work.BatchCancelAck { Cancelled: > 0 } ack)
                    log.Info("title {0}: cancelled {1} encode(s) of batch {2} still pending or in flight", titleId, ack.Cancelled, batch);
            }
            try { await context.Coordinator.Ask<object>(new Work.AcknowledgeBatch(batch), PipelineContext.AskTimeout, ct); }
            catch (AskTimeoutException) { log.Debug("title {0}: the queue did not answer; batch {1} stays until it is acknowledged", titleId, batch); }
        }
        if (title.Status == TitleStatus.Failed)
            await foreach (var blob in context.Store.ListAsync(TitleBlobKeys.Hls(titleId), ct))
                await context.Store.DeleteAsync(blob.Key, ct);
        TryDeleteFolder(TitleWork.TitleFolder(context.WorkRoot, titleId));
        // Last: it reads only the published package, and a crash before the step ends runs the whole step again.
        if (title.Status == TitleStatus.Published) await HandOverFramesAsync(title, ct);
        return PipelineStep.Finished;
    }

    /// <summary>
    /// The published title's sampled frames become image jobs (tags, faces, hashes). Best effort, like the preview they
    /// come from: a failure is logged and never touches the published title. Repeated if the node dies before the clean-up
    /// ends; the frames' ids make that harmless.
    /// </summary>
    private async Task HandOverFramesAsync(TitleView title, CancellationToken ct)
    {
        if (context.Frames is not { } frames || title.Package is not { } package) return;
        try
        {
            var count = await frames.SubmitAsync(titleId, title.OwnerId, package.HlsPrefix, ct);
            if (count > 0) log.Info("title {0}: {1} sampled frame(s) queued for the image pipeline", titleId, count);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.Warning("title {0}: its frames were not handed to the image pipeline: {1}", titleId, e.Message);
        }
    }

    private Task FailAsync(TitleView title, string reason, CancellationToken ct) => title.Status == TitleStatus.Probing
        ? _title.AskAsync(RecordProbe.Rejected(titleId, RejectionReason.Unreadable, reason), ct)
        : _title.AskAsync(new RecordTranscodeFailed(titleId, reason), ct);

    internal static void TryDeleteFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
