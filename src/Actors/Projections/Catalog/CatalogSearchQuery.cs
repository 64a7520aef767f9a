namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// A search as the read model runs it: the query's words (<see cref="CatalogText.Words"/>), its exact-title key, who
/// asks (published titles for everyone, the caller's own in any status, everything for an admin) and the page.
/// </summary>
public sealed record CatalogSearchQuery(IReadOnlyList<string> Words, string ExactKey, string? ViewerId, bool ViewerIsAdmin, int Limit, int Offset)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxOffset = 10_000;
    public const int MaxQueryLength = 200;
    /// <summary>Matching cues returned per title ("jump to"), earliest first.</summary>
    public const int CuesPerTitle = 3;

    public static CatalogSearchQuery For(string query, string? viewerId, bool viewerIsAdmin, int limit, int offset) =>
        new(CatalogText.Words(query).Take(CatalogText.MaxWords).ToList(), CatalogText.Key(query), viewerId, viewerIsAdmin, limit, offset);
}

/// <summary>Where the best match of a title was, best first: the ranking's tiers.</summary>
public enum CatalogMatch
{
    ExactTitle,
    TitleWords,
    Description,
    Dialogue,
}

/// <summary>A line of dialogue that matched, with where it starts ("00:12:31") so the player can jump there.</summary>
public sealed record DialogueHit(string Language, string At, double StartSeconds, string Text)
{
    public static DialogueHit Starting(string language, long startMs, string text)
    {
        var start = TimeSpan.FromMilliseconds(startMs);
        return new DialogueHit(language, $"{(int)start.TotalHours:00}:{start.Minutes:00}:{start.Seconds:00}", startMs / 1000.0, text);
    }
}

public sealed record CatalogSearchHit(string TitleId, string Name, string Description, string Status, double? DurationSeconds,
    IReadOnlyList<string> Rungs, IReadOnlyList<string> Languages, CatalogMatch MatchedIn, IReadOnlyList<DialogueHit> Dialogue);

public sealed record CatalogSearchPage(IReadOnlyList<CatalogSearchHit> Titles, long Total, int Offset, int Limit);
