using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Node.Api.Titles;

public sealed record TitleSourceResponse(long SizeBytes, string? OriginalFileName, DateTimeOffset UploadedAt);

public sealed record TitleSubtitlesResponse(string Language, string Format, long SizeBytes, DateTimeOffset AttachedAt);

public sealed record TitlePackageResponse(string MasterPlaylist, IReadOnlyList<Rung> Rungs, DateTimeOffset PackagedAt);

/// <summary>
/// A title as the API shows it: storage keys stay inside the cluster; <see cref="PlaybackUrl"/> (the master playlist
/// on any node) and <see cref="PosterUrl"/> (its poster frame) appear once the title is published. <see cref="Playable"/>:
/// its master playlist is served — published, or still transcoding with its first segments ready (GET /api/titles/{id}
/// looks; elsewhere only a published title says so).
/// </summary>
public sealed record TitleResponse(
    string TitleId,
    string OwnerId,
    string Name,
    string Description,
    TitleStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TitleSourceResponse? Source,
    IReadOnlyList<TitleSubtitlesResponse> Subtitles,
    ProbeResult? Probe,
    IReadOnlyList<Rung> Ladder,
    TitleProgressView? Progress,
    TitlePackageResponse? Package,
    TitleQcSummary? Qc,
    TitleFailure? Failure,
    DateTimeOffset? PublishedAt,
    string? PlaybackUrl,
    string? PosterUrl,
    bool Playable)
{
    /// <summary>
    /// The published title's seek-bar preview: a WebVTT thumbnail track whose cues name sprite-sheet regions. A title
    /// packaged before previews were made, or whose preview failed, answers 404 there and players simply show none.
    /// </summary>
    public string? ThumbnailsUrl { get; init; }

    /// <summary>The title's artwork (the newest uploaded image that completed the image pipeline); null before any.</summary>
    public string? ArtworkImageId { get; init; }

    /// <summary>The artwork's served variants (WebP and JPEG per width) and one JPEG about a card's width.</summary>
    public IReadOnlyList<Images.ImageVariantLink>? ArtworkVariants { get; init; }

    public string? ArtworkUrl { get; init; }

    public static TitleResponse From(TitleView v) => Positional(v) with
    {
        ThumbnailsUrl = v.Status == TitleStatus.Published ? PlaybackPath(v.TitleId, Streams.Thumbnails.ThumbnailTrack.FileName) : null,
        ArtworkImageId = v.Artwork?.ImageId,
        ArtworkVariants = Images.ImageLinks.Variants(v.Artwork),
        ArtworkUrl = Images.ImageLinks.Card(v.Artwork),
    };

    private static TitleResponse Positional(TitleView v) => new(
        v.TitleId, v.OwnerId, v.Name, v.Description, v.Status, v.CreatedAt, v.UpdatedAt,
        v.Source is { } s ? new TitleSourceResponse(s.SizeBytes, s.OriginalFileName, s.UploadedAt) : null,
        v.Subtitles.Select(t => new TitleSubtitlesResponse(t.Language, TitleBlobKeys.Extension(t.Format), t.SizeBytes, t.AttachedAt)).ToList(),
        v.Probe, v.Ladder, v.Progress,
        v.Package is { } p ? new TitlePackageResponse(p.MasterPlaylist, p.Rungs, p.PackagedAt) : null,
        v.Qc, v.Failure, v.PublishedAt,
        v is { Status: TitleStatus.Published, Package: { } published } ? PlaybackPath(v.TitleId, published.MasterPlaylist) : null,
        PosterPath(v.TitleId, v.Status),
        v.Status == TitleStatus.Published);

    /// <summary>
    /// Every published title lists its poster; one packaged before posters were grabbed answers 404 there, and the web
    /// app shows its placeholder instead (the image pipeline will give every title artwork).
    /// </summary>
    public static string? PosterPath(string titleId, TitleStatus status) =>
        status == TitleStatus.Published ? PlaybackPath(titleId, Streams.Packaging.PosterFrame.FileName) : null;

    public static string PlaybackPath(string titleId, string file) => $"{TitlePlaybackRoutes.Prefix}/{titleId}/{file}";
}
