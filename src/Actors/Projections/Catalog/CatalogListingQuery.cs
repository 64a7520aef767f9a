using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// A listing of titles (GET /api/titles): those whose name contains every word of <see cref="Query"/> (split on
/// spaces, compared in <see cref="CatalogText.Fold"/> form), optionally in one status, that the viewer may see:
/// published titles for everyone, the rest for their owner and admins. Newest created first, then by id.
/// </summary>
public sealed record CatalogListingQuery(string? Query, TitleStatus? Status, string? ViewerId, bool ViewerIsAdmin, int Limit = CatalogListingQuery.DefaultLimit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxQueryLength = 200;

    /// <summary>The distinct words to find in the name, folded; none lists everything visible.</summary>
    public IReadOnlyList<string> Words => CatalogText.Fold(Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>One line of a listing; the progress only while transcoding.</summary>
public sealed record TitleSummary(string TitleId, string OwnerId, string Name, TitleStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, double? ProgressPercent, string? FailureReason, StoredImageRef? Artwork = null);

/// <summary>The titles found (at most the limit asked for) and how many matched in all.</summary>
public sealed record TitleList(IReadOnlyList<TitleSummary> Titles, int Total);
