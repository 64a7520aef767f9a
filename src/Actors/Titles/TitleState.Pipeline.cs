using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// The commands the transcode orchestrator sends as a title moves through probe, transcode, packaging and quality
/// control. Each is safe to repeat: the orchestrator works at least once, so a repeat answers the current view.
/// </summary>
public sealed partial record TitleState
{
    private Decision<ITitleEvent> StartProbing(DateTimeOffset now) => Status switch
    {
        TitleStatus.SourceUploaded => Decide.Persist(this, new TitleProbeStarted(TitleId, now), s => s.View()),
        TitleStatus.Probing => Decide.Reply<ITitleEvent>(View()),
        TitleStatus.Created => Refuse(Rejection.Conflict($"title {TitleId} has no source yet; upload one before probing")),
        _ => Refuse(NotNow("probing", nameof(TitleStatus.SourceUploaded))),
    };

    private Decision<ITitleEvent> RecordProbeOutcome(RecordProbe c, DateTimeOffset now)
    {
        var accepted = c.Probe is not null;
        if (accepted == (c.RejectedFor is not null || c.RejectionMessage is not null))
            return Refuse(Rejection.Invalid("a probe outcome is either a probe result with its ladder or a rejection with its message"));
        if (accepted && c.Ladder is not { Count: > 0 }) return Refuse(Rejection.Invalid("an accepted probe needs the ladder it will be encoded to"));
        if (!accepted && string.IsNullOrWhiteSpace(c.RejectionMessage)) return Refuse(Rejection.Invalid("a probe rejection needs a message"));

        var reason = accepted ? "" : TitleRules.Reason(c.RejectionMessage);
        var repeat = accepted
            ? Status is not TitleStatus.Probing && Probe == StoredProbe.From(c.Probe!) && Ladder.SequenceEqual(c.Ladder!.Select(StoredRung.From))
            : Status == TitleStatus.Failed && Failure is { Stage: TitleFailure.ProbeStage } f && f.Reason == reason;
        if (repeat) return Decide.Reply<ITitleEvent>(View());
        if (Status != TitleStatus.Probing) return Refuse(NotNow("recording a probe", nameof(TitleStatus.Probing)));
        return accepted
            ? Decide.Persist(this, new TitleProbed(TitleId, StoredProbe.From(c.Probe!), [.. c.Ladder!.Select(StoredRung.From)], now), s => s.View())
            : Decide.Persist(this, new TitleFailed(TitleId, TitleFailure.ProbeStage, reason, now), s => s.View());
    }

    private Decision<ITitleEvent> RecordProgress(RecordTranscodeProgress c, DateTimeOffset now)
    {
        if (c.ChunksTotal <= 0 || c.ChunksDone < 0 || c.ChunksDone > c.ChunksTotal)
            return Refuse(Rejection.Invalid($"progress must be 0 to {Math.Max(c.ChunksTotal, 0)} jobs done of a positive total, not {c.ChunksDone} of {c.ChunksTotal}"));
        var rungs = c.Rungs ?? [];
        if (rungs.Any(r => string.IsNullOrWhiteSpace(r.Rung) || r.ChunksTotal <= 0 || r.ChunksDone < 0 || r.ChunksDone > r.ChunksTotal))
            return Refuse(Rejection.Invalid("each rung's progress needs its name and 0 to total jobs done of a positive total"));
        switch (Status)
        {
            case TitleStatus.Probed:
                break;
            case TitleStatus.Transcoding when Progress is { } p && p.ChunksTotal == c.ChunksTotal && c.ChunksDone <= p.ChunksDone:
                // Late or repeated: progress never goes backwards.
                return Decide.Reply<ITitleEvent>(View());
            case TitleStatus.Transcoding:
                break;
            case TitleStatus.QualityCheck or TitleStatus.Published:
                return Decide.Reply<ITitleEvent>(View()); // a straggler from a transcode that has finished
            default:
                return Refuse(NotNow("recording transcode progress", $"{nameof(TitleStatus.Probed)} or {nameof(TitleStatus.Transcoding)}"));
        }
        return Decide.Persist(this, new TitleTranscodeProgressed(TitleId, c.ChunksDone, c.ChunksTotal, [.. rungs], now), s => s.View());
    }

    private Decision<ITitleEvent> RecordFailure(RecordTranscodeFailed c, DateTimeOffset now)
    {
        var reason = TitleRules.Reason(c.Reason);
        if (Status == TitleStatus.Failed && Failure is { Stage: TitleFailure.TranscodeStage } f && f.Reason == reason)
            return Decide.Reply<ITitleEvent>(View());
        return Status is TitleStatus.Probed or TitleStatus.Transcoding or TitleStatus.QualityCheck
            ? Decide.Persist(this, new TitleFailed(TitleId, TitleFailure.TranscodeStage, reason, now), s => s.View())
            : Refuse(NotNow("recording a transcode failure", $"{nameof(TitleStatus.Probed)}, {nameof(TitleStatus.Transcoding)} or {nameof(TitleStatus.QualityCheck)}"));
    }

    private Decision<ITitleEvent> RecordPackage(RecordPackaged c, DateTimeOffset now)
    {
        var expected = TitleBlobKeys.Hls(TitleId);
        if (!c.HlsPrefix.EndsWith('/') || !c.HlsPrefix.StartsWith(expected, StringComparison.Ordinal) || !BlobKey.IsValid(c.HlsPrefix[..^1]))
            return Refuse(Rejection.Invalid($"the HLS package of title {TitleId} must be stored under {expected}"));
        if (!TitleRules.IsPlaylistName(c.MasterPlaylist)) return Refuse(Rejection.Invalid("the master playlist must be a file name ending in .m3u8"));
        if (c.Rungs is not { Count: > 0 }) return Refuse(Rejection.Invalid("a package holds at least one rung"));
        var package = new TitlePackage(c.HlsPrefix, c.MasterPlaylist, c.Rungs, now);
        if (Package is { } recorded && recorded.ToPackage().SameAs(package) && Status is TitleStatus.QualityCheck or TitleStatus.Published)
            return Decide.Reply<ITitleEvent>(View());
        return Status is TitleStatus.Probed or TitleStatus.Transcoding
            ? Decide.Persist(this, new TitlePackaged(TitleId, c.HlsPrefix, c.MasterPlaylist, [.. c.Rungs.Select(StoredRung.From)], now), s => s.View())
            : Refuse(NotNow("recording the package", $"{nameof(TitleStatus.Probed)} or {nameof(TitleStatus.Transcoding)}"));
    }

    private Decision<ITitleEvent> RecordQc(RecordQcReport c, DateTimeOffset now)
    {
        if (c.Report is null) return Refuse(Rejection.Invalid("a quality control report is required"));
        if (Qc is { } recorded && recorded.SameAs(c.Report)
            && (Status is TitleStatus.QualityCheck or TitleStatus.Published || Failure is { Stage: TitleFailure.QualityStage }))
            return Decide.Reply<ITitleEvent>(View());
        if (Status != TitleStatus.QualityCheck) return Refuse(NotNow("recording a quality control report", nameof(TitleStatus.QualityCheck)));
        var reported = new TitleQcReported(TitleId, c.Report, now);
        if (!c.Report.BlocksPublishing) return Decide.Persist(this, reported, s => s.View());
        var findings = c.Report.Findings.Count == 0 ? "no findings were given" : string.Join("; ", c.Report.Findings.Take(5));
        var failed = new TitleFailed(TitleId, TitleFailure.QualityStage, TitleRules.Reason($"quality control blocked publishing: {findings}"), now);
        return Decide.Persist(this, [reported, failed], s => s.View());
    }

    private Decision<ITitleEvent> PublishIt(DateTimeOffset now) => Status switch
    {
        TitleStatus.Published => Decide.Reply<ITitleEvent>(View()),
        TitleStatus.QualityCheck when Qc is null =>
            Refuse(Rejection.Conflict($"title {TitleId} cannot be published before quality control has reported")),
        TitleStatus.QualityCheck => Decide.Persist(this, new TitlePublished(TitleId, now), s => s.View()),
        _ => Refuse(NotNow("publishing", nameof(TitleStatus.QualityCheck))),
    };
}
