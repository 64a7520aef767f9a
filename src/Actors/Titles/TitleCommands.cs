using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles;

/// <summary>Every message the title entity handles; routed by <see cref="TitleId"/>.</summary>
public interface ITitleCommand : IWithEntityId, IProtocolMessage
{
    string TitleId { get; }
    string IWithEntityId.EntityId => TitleId;
}

/// <summary>
/// Creates the title, on sale at <see cref="PriceMinor"/> (the node's <see cref="TitlePricing"/>). The id comes from the
/// client's Idempotency-Key (or, without one, is made once per request by the API), so a repeat with the same fields
/// answers the first: safe to re-send.
/// </summary>
[Manifest("title.create.v1")]
public sealed record CreateTitle(string TitleId, string OwnerId, string Name, string Description, long PriceMinor = TitlePricing.DefaultPriceMinor)
    : ITitleCommand, IResendSafe;

/// <summary>A read: safe to re-send.</summary>
[Manifest("title.get.v1")]
public sealed record GetTitle(string TitleId) : ITitleCommand, IResendSafe;

/// <summary>
/// The source has been stored under <see cref="BlobKey"/> (a key of <see cref="TitleBlobKeys.Source"/>). Accepted
/// while nothing is processing it: from Created, SourceUploaded (replaced) or Failed (a fresh start). A repeat of the
/// same upload id answers the same.
/// </summary>
[Manifest("title.record-source.v1")]
public sealed record RecordSourceUploaded(string TitleId, string UploadId, string BlobKey, long SizeBytes, string? OriginalFileName) : ITitleCommand;

/// <summary>
/// Attaches (or replaces) the subtitles of one language, stored under <see cref="TitleBlobKeys.Subtitles"/>; allowed
/// until quality control starts and after publishing. A repeat of the same upload id answers the same.
/// </summary>
[Manifest("title.attach-subtitles.v1")]
public sealed record AttachSubtitles(string TitleId, string Language, string UploadId, SubtitleFormat Format, string BlobKey, long SizeBytes) : ITitleCommand;

/// <summary>Sent by the transcode orchestrator when it starts probing an uploaded source.</summary>
[Manifest("title.start-probe.v1")]
public sealed record StartProbe(string TitleId) : ITitleCommand;

/// <summary>
/// The probe's outcome: either <see cref="Probe"/> with the <see cref="Ladder"/> it will be encoded to, or a
/// rejection (<see cref="RejectedFor"/>, <see cref="RejectionMessage"/>) that fails the title with the prober's
/// message. Build it with <see cref="Accepted"/>, <see cref="Rejected"/> or <see cref="From"/>.
/// </summary>
[Manifest("title.record-probe.v1")]
public sealed record RecordProbe(string TitleId, ProbeResult? Probe, IReadOnlyList<Rung>? Ladder, RejectionReason? RejectedFor, string? RejectionMessage)
    : ITitleCommand
{
    public static RecordProbe Accepted(string titleId, ProbeResult probe, IReadOnlyList<Rung> ladder) => new(titleId, probe, ladder, null, null);

    public static RecordProbe Rejected(string titleId, RejectionReason reason, string message) => new(titleId, null, null, reason, message);

    /// <summary>From the prober's verdict; <paramref name="ladderFor"/> picks the rungs for an accepted source.</summary>
    public static RecordProbe From(string titleId, ProbeVerdict verdict, Func<ProbeResult, IReadOnlyList<Rung>> ladderFor) => verdict switch
    {
        ProbeVerdict.Accepted a => Accepted(titleId, a.Probe, ladderFor(a.Probe)),
        ProbeVerdict.Rejected r => Rejected(titleId, r.Reason, r.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}

/// <summary>
/// Encode jobs done of the total (all rungs), optionally per rung. The first report moves a probed title to
/// Transcoding; a report older than what is recorded (fewer jobs done) changes nothing, so reports may arrive late
/// or twice.
/// </summary>
[Manifest("title.record-progress.v1")]
public sealed record RecordTranscodeProgress(string TitleId, int ChunksDone, int ChunksTotal, IReadOnlyList<RungProgress>? Rungs = null) : ITitleCommand;

/// <summary>Transcoding (or packaging, or running quality control) failed for good; the reason is shown to the uploader.</summary>
[Manifest("title.record-transcode-failed.v1")]
public sealed record RecordTranscodeFailed(string TitleId, string Reason) : ITitleCommand;

/// <summary>The HLS package is complete under <see cref="HlsPrefix"/>; the title moves on to quality control.</summary>
[Manifest("title.record-packaged.v1")]
public sealed record RecordPackaged(string TitleId, string HlsPrefix, string MasterPlaylist, IReadOnlyList<Rung> Rungs) : ITitleCommand;

/// <summary>Quality control's verdict; one that blocks publishing fails the title with its findings.</summary>
[Manifest("title.record-qc.v1")]
public sealed record RecordQcReport(string TitleId, TitleQcSummary Report) : ITitleCommand;

/// <summary>Makes a title that passed quality control playable.</summary>
[Manifest("title.publish.v1")]
public sealed record PublishTitle(string TitleId) : ITitleCommand;

/// <summary>
/// The title's artwork image is complete (sent by the image pipeline, at least once): the title shows it unless it
/// already shows a later upload. A repeat changes nothing.
/// </summary>
[Manifest("title.record-artwork.v1")]
public sealed record RecordTitleArtwork(string TitleId, Images.StoredImageRef Image) : ITitleCommand, IResendSafe;
