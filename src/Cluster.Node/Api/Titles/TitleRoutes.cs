using MediaPlatform.Actors.Billing.Plans;
using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Mvc;
using MediaPlatform.Node.Api.Limits;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// /api/titles: create a title, upload its source and subtitles (owner only), read one, list and search them; and the
/// playback route /media/titles (see <see cref="TitlePlaybackRoutes"/>). Uploading a source records it on the title;
/// probing and transcoding are started from there by the transcode orchestrator, not by this API.
/// </summary>
public static class TitleRoutes
{
    public static IEndpointRouteBuilder MapTitleRoutes(this IEndpointRouteBuilder app)
    {
        var titles = app.MapGroup("/api/titles").WithTags("titles");

        titles.MapPost("/", (CreateTitleRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, ClaimsPrincipal caller,
                IRequiredActor<EntityRegions.Titles> region, TitlePricing pricing, CancellationToken ct) =>
            ApiInput.IdempotencyKey(key) is { } bad ? Task.FromResult(bad)
                : region.ActorRef.AskAsync<TitleView>(
                    new CreateTitle(TitleIdFor(caller.CallerId()!, key), caller.CallerId()!, body.Name ?? "", body.Description ?? "", pricing.PriceMinor), ct,
                    v => Results.Created($"/api/titles/{v.TitleId}", TitleResponse.From(v))))
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Titles)
            .WithSummary("Create a title owned by the caller; Idempotency-Key makes a retry return the first title");

        titles.MapGet("/", (string? q, string? status, int? limit, ClaimsPrincipal caller, CatalogListing catalog, ILoggerFactory logs, CancellationToken ct) =>
                ListAsync(q, status, limit, caller, catalog, logs, ct))
            .WithSummary("List and search titles by name and status: published ones for everyone, the caller's own in any status (from the catalog read model: eventually consistent, typically under 1 s)");

        titles.MapGet("/{titleId}", async (string titleId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Titles> region, IBlobStore store,
                CancellationToken ct) =>
            {
                var (title, problem) = await TitleAccess.ReadAsync(region.ActorRef, titleId, caller, ct);
                return problem ?? Results.Ok(TitleResponse.From(title!) with { Playable = await TitlePlayability.IsPlayableAsync(title!, store, ct) });
            })
            .WithSummary("A title: status, probe, ladder, transcode progress (percent, ETA), QC, failure reason, playable (also while transcoding), playback URL");

        titles.MapPut("/{titleId}/source", TitleUploads.SourceAsync)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Upload the source video as the raw request body (streamed to storage; limit media-platform.titles.max-upload-size)");

        titles.MapPost("/{titleId}/transcode", TitleTranscodes.StartAsync)
            .RequireAuthorization()
            .WithSummary("Start (or resume) turning the uploaded source into HLS; needed only when media-platform.pipeline.start-on-upload is off");

        titles.MapPut("/{titleId}/subtitles/{language}", TitleUploads.SubtitlesAsync)
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Upload WebVTT or SRT subtitles for one language (format detected from the content)");

        titles.MapTitleEntitlement();
        app.MapTitlePlayback();
        return app;
    }

    private static async Task<IResult> ListAsync(string? q, string? status, int? limit, ClaimsPrincipal caller,
        CatalogListing catalog, ILoggerFactory logs, CancellationToken ct)
    {
        if (q is { Length: > CatalogListingQuery.MaxQueryLength }) return ApiProblems.Invalid($"q is longer than {CatalogListingQuery.MaxQueryLength} characters");
        if (limit is < 1 or > CatalogListingQuery.MaxLimit) return ApiProblems.Invalid($"limit must be 1 to {CatalogListingQuery.MaxLimit}");
        TitleStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<TitleStatus>(status.Trim(), ignoreCase: true, out var parsed) || parsed == TitleStatus.None || !Enum.IsDefined(parsed)
                || status.Trim().All(char.IsAsciiDigit))
                return ApiProblems.Invalid($"status must be one of: {string.Join(", ", Enum.GetNames<TitleStatus>().Skip(1).Select(n => n.ToLowerInvariant()))}");
            wanted = parsed;
        }
        var query = new CatalogListingQuery(q, wanted, caller.CallerId(), caller.IsAdmin(), limit ?? CatalogListingQuery.DefaultLimit);
        try
        {
            return Results.Ok(TitleListResponse.From(await catalog.ListAsync(query, ct)));
        }
        catch (DbException e)
        {
            // The database's own text (SQL, table names) stays in the log.
            logs.CreateLogger(typeof(TitleRoutes)).LogWarning(e, "title listing failed in the read model database");
            return ServiceUnavailable.Result("Title listing unavailable", "the catalog read model could not be read; retry shortly", 2);
        }
    }

    /// <summary>With an Idempotency-Key the id is derived from the owner and the key, so a retry finds its own title.</summary>
    private static string TitleIdFor(string ownerId, string? idempotencyKey) => idempotencyKey is null
        ? $"t-{Guid.NewGuid():N}"[..18]
        : "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"title:{ownerId}:{idempotencyKey}")))[..16];
}
