using MediaPlatform.Actors.Serialization;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Actors.Titles;

/// <summary>Progress as shown: percent, and when transcoding will be done at the rate so far.</summary>
public sealed record TitleProgressView(int ChunksDone, int ChunksTotal, double Percent, IReadOnlyList<RungProgress> Rungs,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, TimeSpan? EstimatedRemaining, DateTimeOffset? EstimatedCompletion);

/// <summary>Everything known about a title.</summary>
[Manifest("title.view.v1")]
public sealed record TitleView(
    string TitleId,
    string OwnerId,
    string Name,
    string Description,
    TitleStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TitleSource? Source,
    IReadOnlyList<TitleSubtitles> Subtitles,
    ProbeResult? Probe,
    IReadOnlyList<Rung> Ladder,
    TitleProgressView? Progress,
    TitlePackage? Package,
    TitleQcSummary? Qc,
    TitleFailure? Failure,
    DateTimeOffset? PublishedAt,
    long PriceMinor = Billing.Plans.TitlePricing.DefaultPriceMinor,
    Images.StoredImageRef? Artwork = null) : IProtocolMessage;
