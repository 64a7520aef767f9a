using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// GET /api/titles/{titleId}/entitlement: may the caller watch this title, and why (or why not)? The app's title page
/// shows Buy only when not. Always asks the billing account afresh (and refreshes what playback remembers), so a
/// viewer who just paid sees it at once. Anonymous callers get canWatch false: sign in.
/// </summary>
public static class TitleEntitlementRoutes
{
    public sealed record EntitlementResponse(string TitleId, bool CanWatch, string? By, string? Reason);

    public static RouteGroupBuilder MapTitleEntitlement(this RouteGroupBuilder titles)
    {
        titles.MapGet("/{titleId}/entitlement", EntitlementAsync)
            .WithSummary("Whether the caller may watch the title: by owner, subscription or purchase, or the reason not");
        return titles;
    }

    private static async Task<IResult> EntitlementAsync(string titleId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Titles> region,
        IRequiredActor<EntityRegions.BillingAccounts> accounts, PlaybackEntitlements entitlements, CancellationToken ct)
    {
        var (title, problem) = await TitleAccess.ReadAsync(region.ActorRef, titleId, caller, ct);
        if (problem is not null) return problem;
        if (title!.Status != TitleStatus.Published) return Results.Ok(new EntitlementResponse(titleId, false, null, $"title {titleId} is not published yet"));
        if (caller.MayChange(title)) return Results.Ok(new EntitlementResponse(titleId, true, "owner", null));
        if (caller.CallerId() is not { } userId) return Results.Ok(new EntitlementResponse(titleId, false, null, "sign in to watch"));
        var (entitled, reason) = await entitlements.EntitlementAsync(userId, titleId, accounts.ActorRef, fresh: true, ct);
        if (entitled is null) return ApiProblems.Timeout($"the billing account of {userId}");
        return Results.Ok(entitled.Value ? new EntitlementResponse(titleId, true, reason, null) : new EntitlementResponse(titleId, false, null, reason));
    }
}
