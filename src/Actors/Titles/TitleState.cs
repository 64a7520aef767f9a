using System.Collections.Immutable;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// A title and every rule about its life (see <see cref="TitleStatus"/>). Pure: <see cref="Handle"/> decides,
/// <see cref="Apply"/> folds events. Commands a client or a retrying stage may repeat answer the same the second
/// time and persist nothing; a command the current status does not allow is a Conflict that says why.
/// The pipeline's commands are in TitleState.Pipeline.cs.
/// </summary>
[Manifest("title.state.v1")]
public sealed partial record TitleState(
    string TitleId,
    TitleStatus Status,
    string OwnerId,
    string Name,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TitleSource? Source,
    ImmutableList<StoredSubtitles> Subtitles,
    StoredProbe? Probe,
    ImmutableList<StoredRung> Ladder,
    TitleProgress? Progress,
    StoredPackage? Package,
    TitleQcSummary? Qc,
    TitleFailure? Failure,
    DateTimeOffset? PublishedAt,
    long PriceMinor = TitlePricing.DefaultPriceMinor,
    Images.StoredImageRef? Artwork = null) : IEntityState<TitleState, ITitleEvent>, IProtocolMessage
{
    public static TitleState Empty(string titleId) =>
        new(titleId, TitleStatus.None, "", "", "", default, default, null, ImmutableList<StoredSubtitles>.Empty, null,
            ImmutableList<StoredRung>.Empty, null, null, null, null, null);

    public bool Exists => Status != TitleStatus.None;

    public Decision<ITitleEvent> Handle(ITitleCommand command, DateTimeOffset now) => command switch
    {
        CreateTitle c => Create(c, now),
        _ when !Exists => Refuse(Rejection.NotFound($"title {TitleId} does not exist")),
        GetTitle => Decide.Reply<ITitleEvent>(View()),
        RecordSourceUploaded c => RecordSource(c, now),
        AttachSubtitles c => Attach(c, now),
        StartProbe => StartProbing(now),
        RecordProbe c => RecordProbeOutcome(c, now),
        RecordTranscodeProgress c => RecordProgress(c, now),
        RecordTranscodeFailed c => RecordFailure(c, now),
        RecordPackaged c => RecordPackage(c, now),
        RecordQcReport c => RecordQc(c, now),
        PublishTitle => PublishIt(now),
        RecordTitleArtwork c => RecordArtwork(c, now),
        _ => Refuse(Rejection.Invalid($"unknown title command {command.GetType().Name}")),
    };

    public TitleState Apply(ITitleEvent @event) => @event switch
    {
        TitleCreated e => this with
        {
            Status = TitleStatus.Created, OwnerId = e.OwnerId, Name = e.Name, Description = e.Description, CreatedAt = e.At, UpdatedAt = e.At,
            PriceMinor = e.PriceMinor,
        },
        // A new source starts the pipeline over: what was learned from the old one no longer holds.
        TitleSourceUploaded e => this with
        {
            Status = TitleStatus.SourceUploaded, Source = new TitleSource(e.UploadId, e.BlobKey, e.SizeBytes, e.OriginalFileName, e.At),
            Probe = null, Ladder = ImmutableList<StoredRung>.Empty, Progress = null, Package = null, Qc = null, Failure = null, UpdatedAt = e.At,
        },
        TitleSubtitlesAttached e => this with
        {
            Subtitles = Subtitles.RemoveAll(s => s.Language == e.Language)
                .Add(new StoredSubtitles(e.Language, e.UploadId, e.Format, e.BlobKey, e.SizeBytes, e.At))
                .Sort((a, b) => string.CompareOrdinal(a.Language, b.Language)),
            UpdatedAt = e.At,
        },
        TitleProbeStarted e => this with { Status = TitleStatus.Probing, UpdatedAt = e.At },
        TitleProbed e => this with { Status = TitleStatus.Probed, Probe = e.Probe, Ladder = [.. e.Ladder], UpdatedAt = e.At },
        TitleTranscodeProgressed e => this with
        {
            Status = TitleStatus.Transcoding,
            Progress = new TitleProgress(e.ChunksDone, e.ChunksTotal, e.Rungs, Progress?.StartedAt ?? e.At, e.At),
            UpdatedAt = e.At,
        },
        TitlePackaged e => this with
        {
            Status = TitleStatus.QualityCheck, Package = new StoredPackage(e.HlsPrefix, e.MasterPlaylist, e.Rungs, e.At), UpdatedAt = e.At,
        },
        TitleQcReported e => this with { Qc = e.Report, UpdatedAt = e.At },
        TitlePublished e => this with { Status = TitleStatus.Published, PublishedAt = e.At, UpdatedAt = e.At },
        TitleFailed e => this with { Status = TitleStatus.Failed, Failure = new TitleFailure(e.Stage, e.Reason, e.At), UpdatedAt = e.At },
        TitleArtworkRecorded e => this with { Artwork = e.Image, UpdatedAt = e.At },
        _ => this,
    };

    /// <summary>Views carry the Streams records callers work with; the stored shapes stay inside the entity.</summary>
    public TitleView View() => new(TitleId, OwnerId, Name, Description, Status, CreatedAt, UpdatedAt, Source,
        Subtitles.Select(t => t.ToTrack()).ToList(), Probe?.ToProbe(), Ladder.Select(r => r.ToRung()).ToList(), Progress?.View(),
        Package?.ToPackage(), Qc, Failure, PublishedAt, PriceMinor, Artwork);

    /// <summary>A complete artwork image: shown unless the title already shows a later upload (any status: artwork is not media).</summary>
    private Decision<ITitleEvent> RecordArtwork(RecordTitleArtwork c, DateTimeOffset now) =>
        c.Image.Replaces(Artwork)
            ? Decide.Persist(this, new TitleArtworkRecorded(TitleId, c.Image, now), s => s.View())
            : Decide.Reply<ITitleEvent>(View());

    private Decision<ITitleEvent> Create(CreateTitle c, DateTimeOffset now)
    {
        var (name, description) = (c.Name?.Trim() ?? "", c.Description ?? "");
        if (Exists)
            return OwnerId == c.OwnerId && Name == name && Description == description
                ? Decide.Reply<ITitleEvent>(View())
                : Refuse(Rejection.Conflict($"title {TitleId} already exists with different details"));
        if (c.TitleId != TitleId || !TitleRules.IsId(c.TitleId)) return Refuse(Rejection.Invalid($"title id '{c.TitleId}' is not valid here"));
        if (!TitleRules.IsId(c.OwnerId)) return Refuse(Rejection.Invalid("owner id is required"));
        if ((TitleRules.Name(c.Name) ?? TitleRules.Description(c.Description)) is { } bad) return Refuse(bad);
        if (c.PriceMinor is < 1 or > BillingAccountState.MaxTitlePriceMinor)
            return Refuse(Rejection.Invalid($"title price must be 1 to {BillingAccountState.MaxTitlePriceMinor} minor units"));
        return Decide.Persist(this, new TitleCreated(TitleId, c.OwnerId, name, description, now, c.PriceMinor), s => s.View());
    }

    private Decision<ITitleEvent> RecordSource(RecordSourceUploaded c, DateTimeOffset now)
    {
        if (Source?.UploadId == c.UploadId && Source.BlobKey == c.BlobKey) return Decide.Reply<ITitleEvent>(View());
        if (!TitleRules.IsId(c.UploadId)) return Refuse(Rejection.Invalid("upload id is not valid"));
        if (c.BlobKey != TitleBlobKeys.Source(TitleId, c.UploadId))
            return Refuse(Rejection.Invalid($"a source of title {TitleId} must be stored at {TitleBlobKeys.Source(TitleId, c.UploadId)}"));
        if (c.SizeBytes <= 0) return Refuse(Rejection.Invalid("the uploaded source is empty"));
        if (TitleRules.AcceptsSource(Status))
            return Decide.Persist(this, new TitleSourceUploaded(TitleId, c.UploadId, c.BlobKey, c.SizeBytes, c.OriginalFileName, now), s => s.View());
        return Refuse(TitleRules.SourceRefusal(TitleId, Status));
    }

    private Decision<ITitleEvent> Attach(AttachSubtitles c, DateTimeOffset now)
    {
        if (!TitleRules.TryNormalizeLanguage(c.Language, out var language, out var error)) return Refuse(Rejection.Invalid(error));
        if (language != c.Language) return Refuse(Rejection.Invalid($"language must be given as '{language}'"));
        if (c.Format is not (SubtitleFormat.WebVtt or SubtitleFormat.Srt))
            return Refuse(Rejection.Invalid("subtitles must be WebVTT or SRT"));
        if (!TitleRules.IsId(c.UploadId)) return Refuse(Rejection.Invalid("upload id is not valid"));
        if (c.BlobKey != TitleBlobKeys.Subtitles(TitleId, c.Language, c.UploadId, c.Format))
            return Refuse(Rejection.Invalid($"subtitles of title {TitleId} must be stored at {TitleBlobKeys.Subtitles(TitleId, c.Language, c.UploadId, c.Format)}"));
        if (c.SizeBytes <= 0) return Refuse(Rejection.Invalid("the subtitle file is empty"));
        var existing = Subtitles.Find(s => s.Language == c.Language);
        if (existing is not null && existing.UploadId == c.UploadId && existing.BlobKey == c.BlobKey) return Decide.Reply<ITitleEvent>(View());
        if (!TitleRules.AcceptsSubtitles(Status)) return Refuse(TitleRules.SubtitlesRefusal(TitleId, Status));
        if (existing is null && Subtitles.Count >= TitleRules.MaxSubtitleTracks)
            return Refuse(Rejection.Conflict($"a title can have at most {TitleRules.MaxSubtitleTracks} subtitle tracks"));
        return Decide.Persist(this, new TitleSubtitlesAttached(TitleId, c.Language, c.UploadId, StoredSubtitleFormats.From(c.Format), c.BlobKey, c.SizeBytes, now), s => s.View());
    }

    private Rejection NotNow(string what, string allowed) =>
        Status == TitleStatus.Failed
            ? Rejection.Conflict($"title {TitleId} has failed ({Failure?.Reason}); {what} is not possible until a new source is uploaded")
            : Rejection.Conflict($"title {TitleId} is {Status}; {what} is possible only when it is {allowed}");

    private static Decision<ITitleEvent> Refuse(Rejection rejection) => Decide.Reject<ITitleEvent>(rejection);
}
