using MediaPlatform.Actors.Projections.Catalog;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// Search by words, by meaning, or both. Text: the catalog's full-text search (<see cref="ICatalogSearch"/>). Semantic:
/// the query embedded by the node's model and compared with every stored vector (<see cref="SemanticIndex"/>); titles
/// at or above the minimum similarity, best first. Hybrid fuses the two rankings by reciprocal rank fusion: each title
/// scores Σ 1/(<see cref="FusionK"/> + its rank in a signal) over the signals that found it, so a title both find rises
/// above one either finds alone, and neither signal's raw score scale (tiers vs cosine) needs calibrating against the
/// other. Each signal contributes its best <paramref name="candidates"/> titles the caller may see; ties go to the
/// better text tier, then the higher similarity, then the title id. If the model cannot load, hybrid answers with
/// text alone and says so. total counts the titles either signal matches (see <see cref="Total"/>), while the pages
/// reach the fused candidates only.
/// </summary>
public sealed class HybridCatalogSearch(ICatalogSearch text, SemanticIndex index, ITextEmbedder embedder, ReadModelSchema schema,
    SemanticSearchSettings settings, int candidates = HybridCatalogSearch.DefaultCandidates)
{
    public const int DefaultCandidates = 200;
    public const int FusionK = 60;

    /// <summary>Queries that may wait for the model at once; beyond them a search answers by text (hybrid) or 503 (semantic).</summary>
    public const int MaxQueriesAtModel = 4;

    // The model runs one caller at a time and a waiting query holds a thread-pool thread (Kestrel's and Akka's): a burst
    // of anonymous searches must degrade to text results, never park the pool.
    private readonly SemaphoreSlim _atModel = new(MaxQueriesAtModel, MaxQueriesAtModel);

    public async Task<SearchResultPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Mode == SearchMode.Text) return await TextPageAsync(request, null, ct);
        float[] query;
        try
        {
            if (!settings.Enabled) throw new EmbeddingModelUnavailableException($"it is turned off ({SemanticSearchSettings.Path}.enabled)");
            query = EmbedQuery(request.Text, ct);
        }
        catch (EmbeddingModelUnavailableException e) when (request.Mode == SearchMode.Hybrid)
        {
            return await TextPageAsync(request, $"semantic search is unavailable, so these are text results only: {e.Message}", ct);
        }
        var (semantic, semanticMatches) = await SemanticAsync(request, query, ct);
        var textPage = request.Mode == SearchMode.Hybrid
            ? await text.SearchAsync(CatalogSearchQuery.For(request.Text, request.ViewerId, request.ViewerIsAdmin, candidates, 0), ct)
            : null;
        var textHits = textPage?.Titles ?? [];
        var fused = Fuse(textHits, semantic);
        var page = fused.Skip(request.Offset).Take(request.Limit).ToList();
        var total = Total(textPage?.Total ?? 0, semanticMatches, fused.Count(h => h.Signals.Count == 2));
        return new SearchResultPage(request.Mode, TruncatedNote(), page, total, request.Offset, request.Limit);
    }

    /// <summary>
    /// Titles matched by words or by meaning: all the text search's matches, plus all the visible titles at or above the
    /// minimum similarity, less those known to be both (found by both signals among their best candidates). Exact while
    /// neither signal matches more than the candidates it contributes; beyond that a title matched by both but not among
    /// both signals' best counts twice, so it is an upper bound.
    /// </summary>
    public static long Total(long textMatches, long semanticMatches, int foundByBoth) => textMatches + semanticMatches - foundByBoth;

    private string? TruncatedNote() => index.IsTruncated
        ? $"this node's semantic index is full ({SemanticSearchSettings.Path}.max-vectors): some titles' dialogue is not searched by meaning"
        : null;

    private float[] EmbedQuery(string text, CancellationToken ct)
    {
        if (!_atModel.Wait(0, ct))
            throw new EmbeddingModelUnavailableException($"it is busy ({MaxQueriesAtModel} searches are waiting for the model); retry shortly");
        try
        {
            return embedder.Embed([text], ct)[0];
        }
        finally
        {
            _atModel.Release();
        }
    }

    private async Task<SearchResultPage> TextPageAsync(SearchRequest request, string? note, CancellationToken ct)
    {
        var page = await text.SearchAsync(CatalogSearchQuery.For(request.Text, request.ViewerId, request.ViewerIsAdmin, request.Limit, request.Offset), ct);
        var hits = page.Titles.Select((t, i) => Hit(t, ["text"], t.MatchedIn, t.Dialogue, null, 1.0 / (FusionK + request.Offset + i + 1))).ToList();
        return new SearchResultPage(SearchMode.Text, note, hits, page.Total, page.Offset, page.Limit);
    }

    /// <summary>The best titles the viewer may see found by meaning, best first, with their catalog rows, and how many matched in all.</summary>
    private async Task<(IReadOnlyList<(CatalogSearchHit Title, SemanticMatch Match)> Best, long Matches)> SemanticAsync(SearchRequest request,
        float[] query, CancellationToken ct)
    {
        await index.RefreshAsync(ct);
        // The index passes over titles this viewer may not see before it keeps the best; the catalog's rows confirm
        // (the two projections apply the same events, but each at its own pace).
        var ranked = index.Rank(query, settings.MinSimilarity, candidates, new TitleVisibility(request.ViewerId, request.ViewerIsAdmin));
        var rows = await VisibleTitles.ReadAsync(schema, ranked.Best.Select(c => c.TitleId).ToList(), request.ViewerId, request.ViewerIsAdmin, ct);
        var best = ranked.Best.Where(c => rows.ContainsKey(c.TitleId)).Select(c => (rows[c.TitleId], Match(c))).ToList();
        return (best, ranked.Matches - (ranked.Best.Count - best.Count));
    }

    private static SemanticMatch Match(SemanticCandidate c) => c.Window is { } w
        ? new SemanticMatch(Math.Round(c.Similarity, 4), CatalogMatch.Dialogue, DialogueHit.Starting(w.Language, w.StartMs, w.Text))
        : new SemanticMatch(Math.Round(c.Similarity, 4), CatalogMatch.Description, null);

    private static List<SearchHit> Fuse(IReadOnlyList<CatalogSearchHit> textHits, IReadOnlyList<(CatalogSearchHit Title, SemanticMatch Match)> semantic)
    {
        var byId = new Dictionary<string, (CatalogSearchHit Title, int? TextRank, SemanticMatch? Match, int? SemanticRank)>(StringComparer.Ordinal);
        for (var i = 0; i < textHits.Count; i++) byId[textHits[i].TitleId] = (textHits[i], i + 1, null, null);
        for (var i = 0; i < semantic.Count; i++)
        {
            var (title, match) = semantic[i];
            byId[title.TitleId] = byId.TryGetValue(title.TitleId, out var known) ? known with { Match = match, SemanticRank = i + 1 } : (title, null, match, i + 1);
        }
        return byId.Values
            .Select(v => (v, Score: Rrf(v.TextRank) + Rrf(v.SemanticRank)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.v.TextRank is null ? int.MaxValue : (int)x.v.Title.MatchedIn)
            .ThenByDescending(x => x.v.Match?.Similarity ?? double.MinValue)
            .ThenBy(x => x.v.Title.TitleId, StringComparer.Ordinal)
            .Select(x => Hit(x.v.Title, Signals(x.v.TextRank, x.v.SemanticRank), x.v.TextRank is null ? null : x.v.Title.MatchedIn,
                x.v.Title.Dialogue, x.v.Match, Math.Round(x.Score, 6)))
            .ToList();
    }

    private static double Rrf(int? rank) => rank is { } r ? 1.0 / (FusionK + r) : 0;

    private static IReadOnlyList<string> Signals(int? textRank, int? semanticRank) =>
        [.. textRank is null ? Array.Empty<string>() : ["text"], .. semanticRank is null ? Array.Empty<string>() : ["semantic"]];

    private static SearchHit Hit(CatalogSearchHit t, IReadOnlyList<string> signals, CatalogMatch? matchedIn, IReadOnlyList<DialogueHit> dialogue,
        SemanticMatch? semantic, double score) =>
        new(t.TitleId, t.Name, t.Description, t.Status, t.DurationSeconds, t.Rungs, t.Languages, signals, matchedIn, dialogue, semantic, score);
}
