using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>One line of a listing as the API shows it: the catalog's line plus the poster of a published title and its artwork.</summary>
public sealed record TitleListItem(string TitleId, string OwnerId, string Name, TitleStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, double? ProgressPercent, string? FailureReason, string? PosterUrl)
{
    /// <summary>A JPEG of the title's artwork about a card's width; null before any artwork completed.</summary>
    public string? ArtworkUrl { get; init; }

    public static TitleListItem From(TitleSummary t) => new(t.TitleId, t.OwnerId, t.Name, t.Status, t.CreatedAt, t.UpdatedAt,
        t.ProgressPercent, t.FailureReason, TitleResponse.PosterPath(t.TitleId, t.Status)) { ArtworkUrl = Images.ImageLinks.Card(t.Artwork) };
}

/// <summary>The titles found and how many matched in all (see <see cref="TitleList"/>).</summary>
public sealed record TitleListResponse(IReadOnlyList<TitleListItem> Titles, int Total)
{
    public static TitleListResponse From(TitleList list) => new(list.Titles.Select(TitleListItem.From).ToList(), list.Total);
}
