using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Every event a title entity persists, all tagged <see cref="TitleEventTagger.Tag"/> for the catalog projection. Events hold
/// Actors-owned stored shapes (<see cref="StoredProbe"/>, <see cref="StoredRung"/>), not Streams records, so the
/// journal's schema changes only here (the golden samples in Actors.Tests pin it).
/// </summary>
public interface ITitleEvent : IProtocolMessage;

/// <summary>Created, with the price it is sold at (titles created before prices were stored read as the default price).</summary>
[Manifest("title.created.v1")]
public sealed record TitleCreated(string TitleId, string OwnerId, string Name, string Description, DateTimeOffset At,
    long PriceMinor = TitlePricing.DefaultPriceMinor) : ITitleEvent;

[Manifest("title.source-uploaded.v1")]
public sealed record TitleSourceUploaded(string TitleId, string UploadId, string BlobKey, long SizeBytes, string? OriginalFileName, DateTimeOffset At) : ITitleEvent;

[Manifest("title.subtitles-attached.v1")]
public sealed record TitleSubtitlesAttached(string TitleId, string Language, string UploadId, StoredSubtitleFormat Format, string BlobKey, long SizeBytes, DateTimeOffset At) : ITitleEvent;

[Manifest("title.probe-started.v1")]
public sealed record TitleProbeStarted(string TitleId, DateTimeOffset At) : ITitleEvent;

[Manifest("title.probed.v1")]
public sealed record TitleProbed(string TitleId, StoredProbe Probe, IReadOnlyList<StoredRung> Ladder, DateTimeOffset At) : ITitleEvent;

[Manifest("title.transcode-progressed.v1")]
public sealed record TitleTranscodeProgressed(string TitleId, int ChunksDone, int ChunksTotal, IReadOnlyList<RungProgress> Rungs, DateTimeOffset At) : ITitleEvent;

[Manifest("title.packaged.v1")]
public sealed record TitlePackaged(string TitleId, string HlsPrefix, string MasterPlaylist, IReadOnlyList<StoredRung> Rungs, DateTimeOffset At) : ITitleEvent;

[Manifest("title.qc-reported.v1")]
public sealed record TitleQcReported(string TitleId, TitleQcSummary Report, DateTimeOffset At) : ITitleEvent;

[Manifest("title.published.v1")]
public sealed record TitlePublished(string TitleId, DateTimeOffset At) : ITitleEvent;

[Manifest("title.failed.v1")]
public sealed record TitleFailed(string TitleId, string Stage, string Reason, DateTimeOffset At) : ITitleEvent;

/// <summary>The title shows this complete artwork image (its variants are served under /api/images/{id}/variants/).</summary>
[Manifest("title.artwork-recorded.v1")]
public sealed record TitleArtworkRecorded(string TitleId, Images.StoredImageRef Image, DateTimeOffset At) : ITitleEvent;
