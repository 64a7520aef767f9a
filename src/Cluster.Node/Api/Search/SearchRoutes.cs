using System.Data.Common;
using System.Security.Claims;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Search;

/// <summary>
/// GET /api/search?q=…&amp;mode=&amp;limit=&amp;offset=. Text signal: titles whose name, description or dialogue hold every
/// word of q, ranked exact title &gt; title words &gt; description &gt; dialogue, each with its matching cues ("00:12:31"
/// and the line). Semantic signal: titles whose name and description or a window of dialogue mean what q says (cosine
/// of sentence vectors). mode=hybrid (the default) fuses both (<see cref="HybridCatalogSearch"/>), text or semantic
/// uses one. Visibility as in GET /api/titles: published titles for everyone, the caller's own in any status, all for
/// an admin. For the text signal a query is only ever words (<see cref="CatalogText"/>): FTS syntax in it is a
/// separator, and a query with no word finds nothing by text.
/// </summary>
public static class SearchRoutes
{
    public static IEndpointRouteBuilder MapSearchRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTags("search")
            .WithSummary("Search titles by name, description and dialogue (subtitle cues with their times), by words, by meaning or both (mode=hybrid|text|semantic); paged with limit and offset");
        return app;
    }

    private static async Task<IResult> SearchAsync(string? q, string? mode, int? limit, int? offset, ClaimsPrincipal caller,
        HybridCatalogSearch search, ILoggerFactory logs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return ApiProblems.Invalid("q is required: the words to search for");
        if (q.Length > CatalogSearchQuery.MaxQueryLength) return ApiProblems.Invalid($"q is longer than {CatalogSearchQuery.MaxQueryLength} characters");
        if (limit is < 1 or > CatalogSearchQuery.MaxLimit) return ApiProblems.Invalid($"limit must be 1 to {CatalogSearchQuery.MaxLimit}");
        if (offset is < 0 or > CatalogSearchQuery.MaxOffset) return ApiProblems.Invalid($"offset must be 0 to {CatalogSearchQuery.MaxOffset}");
        if (ModeOf(mode) is not { } searchMode) return ApiProblems.Invalid("mode must be hybrid, text or semantic");
        var request = new SearchRequest(q.Trim(), searchMode, caller.CallerId(), caller.IsAdmin(), limit ?? CatalogSearchQuery.DefaultLimit, offset ?? 0);
        try
        {
            return Results.Ok(await search.SearchAsync(request, ct));
        }
        catch (EmbeddingModelUnavailableException e)
        {
            // Only mode=semantic gets here: hybrid falls back to text by itself.
            logs.CreateLogger(typeof(SearchRoutes)).LogWarning(e, "semantic search unavailable");
            return ServiceUnavailable.Result("Semantic search unavailable", "the sentence-embedding model is not available on this node; use mode=text or hybrid", 30);
        }
        catch (DbException e)
        {
            // The database's own text (SQL, table names) stays in the log.
            logs.CreateLogger(typeof(SearchRoutes)).LogWarning(e, "search failed in the read model database");
            return ServiceUnavailable.Result("Search unavailable", "the catalog read model could not be read; retry shortly", 2);
        }
    }

    private static SearchMode? ModeOf(string? mode) => mode?.ToLowerInvariant() switch
    {
        null or "hybrid" => SearchMode.Hybrid,
        "text" => SearchMode.Text,
        "semantic" => SearchMode.Semantic,
        _ => null,
    };
}
