namespace MediaPlatform.Actors.Titles;

// The catalog is asked on its own node only, so these messages never cross the wire and carry no manifest.

/// <summary>
/// Titles whose name contains every word of <see cref="Query"/> (case-insensitive), optionally in one status, that
/// the viewer may see: published titles to everyone, the rest to their owner and to admins. Newest first.
/// </summary>
public sealed record SearchTitles(string? Query, TitleStatus? Status, string? ViewerId, bool ViewerIsAdmin, int Limit = TitleSearch.DefaultLimit);

/// <summary>Whether the catalog knows a title (answered with <see cref="TitleLookup"/>); asked before its entity, so an unknown id starts none.</summary>
public sealed record FindTitle(string TitleId);

/// <summary>The catalog's line for the title, or null when it knows no such title.</summary>
public sealed record TitleLookup(string TitleId, TitleSummary? Title);

/// <summary>One line of a listing.</summary>
public sealed record TitleSummary(string TitleId, string OwnerId, string Name, TitleStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, double? ProgressPercent, string? FailureReason, Images.StoredImageRef? Artwork = null);

/// <summary>The titles found (at most the limit asked for) and how many matched in all.</summary>
public sealed record TitleList(IReadOnlyList<TitleSummary> Titles, int Total);
