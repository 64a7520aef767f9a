using System.Data.Common;
using System.Security.Claims;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Search;

/// <summary>
/// GET /api/search?q=…&amp;limit=&amp;offset=: titles whose name, description or dialogue hold every word of q, from the
/// catalog read model, ranked exact title &gt; title words &gt; description &gt; dialogue, each with its matching cues
/// ("00:12:31" and the line). Visibility as in GET /api/titles: published titles for everyone, the caller's own in
/// any status, all for an admin. A query is only ever words (<see cref="CatalogText"/>): FTS syntax in it is a
/// separator, and a query with no word finds nothing.
/// </summary>
public static class SearchRoutes
{
    public static IEndpointRouteBuilder MapSearchRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", SearchAsync).WithTags("search")
            .WithSummary("Search titles by name, description and dialogue (subtitle cues with their times); paged with limit and offset");
        return app;
    }

    private static async Task<IResult> SearchAsync(string? q, int? limit, int? offset, ClaimsPrincipal caller, ICatalogSearch search,
        ILoggerFactory logs, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q)) return ApiProblems.Invalid("q is required: the words to search for");
        if (q.Length > CatalogSearchQuery.MaxQueryLength) return ApiProblems.Invalid($"q is longer than {CatalogSearchQuery.MaxQueryLength} characters");
        if (limit is < 1 or > CatalogSearchQuery.MaxLimit) return ApiProblems.Invalid($"limit must be 1 to {CatalogSearchQuery.MaxLimit}");
        if (offset is < 0 or > CatalogSearchQuery.MaxOffset) return ApiProblems.Invalid($"offset must be 0 to {CatalogSearchQuery.MaxOffset}");
        var query = CatalogSearchQuery.For(q, caller.CallerId(), caller.IsAdmin(), limit ?? CatalogSearchQuery.DefaultLimit, offset ?? 0);
        try
        {
            return Results.Ok(await search.SearchAsync(query, ct));
        }
        catch (DbException e)
        {
            // The database's own text (SQL, table names) stays in the log.
            logs.CreateLogger(typeof(SearchRoutes)).LogWarning(e, "search failed in the read model database");
            return ServiceUnavailable.Result("Search unavailable", "the catalog read model could not be read; retry shortly", 2);
        }
    }
}
