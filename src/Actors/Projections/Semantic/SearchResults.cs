using MediaPlatform.Actors.Projections.Catalog;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>Which signals rank a search: both fused (the default), the words only, or the meaning only.</summary>
public enum SearchMode
{
    Hybrid,
    Text,
    Semantic,
}

/// <summary>A search as GET /api/search asks it: the raw text (the text signal cuts it into words, the semantic one embeds it whole).</summary>
public sealed record SearchRequest(string Text, SearchMode Mode, string? ViewerId, bool ViewerIsAdmin, int Limit, int Offset);

/// <summary>
/// Why a title matched by meaning: its cosine similarity to the query, whether its name and description or a window of
/// its dialogue matched best, and for dialogue the window's first cue ("jump to 00:41:10") with the window's text.
/// </summary>
public sealed record SemanticMatch(double Similarity, CatalogMatch MatchedIn, DialogueHit? Dialogue);

/// <summary>
/// One title found: <paramref name="Signals"/> lists "text" and/or "semantic"; <paramref name="MatchedIn"/> and
/// <paramref name="Dialogue"/> are the text signal's tier and matching cues (null and empty when only the meaning
/// matched); <paramref name="Semantic"/> is the semantic signal's match; <paramref name="Score"/> is the fused score.
/// </summary>
public sealed record SearchHit(string TitleId, string Name, string Description, string Status, double? DurationSeconds,
    IReadOnlyList<string> Rungs, IReadOnlyList<string> Languages, IReadOnlyList<string> Signals, CatalogMatch? MatchedIn,
    IReadOnlyList<DialogueHit> Dialogue, SemanticMatch? Semantic, double Score);

/// <summary>A page of results; <paramref name="Mode"/> is the mode that ran, <paramref name="Note"/> says why it differs from the one asked for.</summary>
public sealed record SearchResultPage(SearchMode Mode, string? Note, IReadOnlyList<SearchHit> Titles, long Total, int Offset, int Limit);
