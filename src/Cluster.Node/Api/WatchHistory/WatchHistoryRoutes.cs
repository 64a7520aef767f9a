using System.Security.Claims;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.WatchHistory;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Api.Trending;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.WatchHistory;

/// <summary>
/// A user's watch history: PUT /api/users/{id}/watch-history/{titleId} (the player's progress report; the user
/// themself only, for a title they may watch), GET /api/users/{id}/continue-watching (unfinished titles, most recent
/// first; the user or an admin) and DELETE /api/users/{id}/watch-history/{titleId} (take it off the list). A report
/// that begins a new view is counted for trending on the node that served it.
/// </summary>
public static class WatchHistoryRoutes
{
    public const int MaxRungLength = 32;

    public static IEndpointRouteBuilder MapWatchHistoryRoutes(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users/{userId}").WithTags("watch history").RequireAuthorization();

        users.MapPut("/watch-history/{titleId}", ReportAsync)
            .WithSummary("The player's progress report (position, duration, rung, event playing|started|paused|ended); only the user themself");

        users.MapGet("/continue-watching", async (string userId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.WatchHistories> histories,
                CancellationToken ct) =>
            {
                if (ApiInput.Id("user id", userId) is { } bad) return bad;
                if (caller.ForbidUnlessSelf(userId) is { } forbidden) return forbidden;
                return await histories.ActorRef.AskAsync<ContinueWatchingList>(new GetContinueWatching(userId), ct, list => Results.Ok(
                    new ContinueWatchingResponse(userId, list.Entries.Select(e => new ContinueWatchingItem(e.TitleId, e.TitleName, e.PositionSeconds,
                        e.DurationSeconds, e.PercentWatched(), e.Rung, e.UpdatedAt)).ToList())));
            })
            .WithSummary("Unfinished titles, most recently watched first, with the position to resume from");

        users.MapDelete("/watch-history/{titleId}", async (string userId, string titleId, ClaimsPrincipal caller,
                IRequiredActor<EntityRegions.WatchHistories> histories, CancellationToken ct) =>
            {
                if (ApiInput.Id("user id", userId) is { } badUser) return badUser;
                if (ApiInput.Id("title id", titleId) is { } badTitle) return badTitle;
                if (caller.ForbidUnlessSelf(userId) is { } forbidden) return forbidden;
                return await histories.ActorRef.AskAsync<WatchEntryRemovedReply>(new RemoveWatchEntry(userId, titleId), ct, r => r.Existed
                    ? Results.NoContent()
                    : Results.Problem(title: "Not found", detail: $"title {titleId} is not in the watch history", statusCode: 404));
            })
            .WithSummary("Take a title off the watch history (and continue-watching)");
        return app;
    }

    private static async Task<IResult> ReportAsync(string userId, string titleId, WatchProgressRequest body, ClaimsPrincipal caller,
        IRequiredActor<EntityRegions.WatchHistories> histories, IRequiredActor<EntityRegions.Titles> titles,
        IRequiredActor<EntityRegions.BillingAccounts> accounts, IRequiredActor<EntityRegions.TrendingRecorder> trending,
        PlaybackEntitlements entitlements, WatchHistorySettings settings, ViewClock clock, CancellationToken ct)
    {
        if (ApiInput.Id("user id", userId) is { } badUser) return badUser;
        // Someone else's history is not written for them, not even by an admin: it is what they watched.
        if (caller.CallerId() != userId) return ApiProblems.Forbidden("you may only report your own watching");
        if (Invalid(body) is { } problem) return ApiProblems.Invalid(problem);
        if (ParseKind(body.Event) is not { } kind) return ApiProblems.Invalid("event must be playing, started, paused or ended");

        var (title, notVisible) = await TitleAccess.ReadAsync(titles.ActorRef, titleId, caller, ct);
        if (notVisible is not null) return notVisible;
        // As the HLS routes decide: a published title for its owner, subscribers and buyers; an unpublished one for its owner.
        if (title!.Status == TitleStatus.Published)
        {
            if (await entitlements.RefusalAsync(caller, titleId, title.OwnerId, accounts.ActorRef, ct) is { } refused) return refused;
        }
        else if (!caller.MayChange(title)) return TitleAccess.NotFound(titleId);

        // The node's own duration wins over the player's; a title not probed yet has only the player's.
        var duration = title.Probe is { Duration.TotalSeconds: > 0 } probe ? probe.Duration.TotalSeconds : body.DurationSeconds;
        if (duration is null) return ApiProblems.Invalid("durationSeconds is needed: the title's duration is not known yet");
        var report = new ReportWatchProgress(userId, titleId, title.Name, body.PositionSeconds!.Value, duration.Value, body.Rung, kind);
        var answer = await histories.ActorRef.AskEntityAsync<WatchProgressAccepted>(report, ct);
        if (answer.Reply is not { } accepted) return ApiProblems.From(answer.Rejection!);
        if (accepted.NewView) trending.ActorRef.Tell(new TrendingRecorder.ViewStarted(titleId, clock.Now));
        return Results.Ok(new WatchProgressResponse(titleId, accepted.Stored, accepted.NewView, accepted.Finished, settings.ReportInterval.TotalSeconds));
    }

    private static string? Invalid(WatchProgressRequest body)
    {
        if (body.PositionSeconds is not { } position) return "positionSeconds is needed";
        if (!double.IsFinite(position) || position < 0) return "positionSeconds must be a number of seconds, 0 or more";
        if (body.DurationSeconds is { } d && (!double.IsFinite(d) || d <= 0 || d > WatchHistoryState.MaxDurationSeconds))
            return $"durationSeconds must be more than 0 and at most {WatchHistoryState.MaxDurationSeconds}";
        if (body.Rung is { } rung && (rung.Length is 0 or > MaxRungLength || !rung.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return $"rung must be 1 to {MaxRungLength} letters, digits, '-', '_' or '.'";
        return null;
    }

    private static WatchReportKind? ParseKind(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "playing" => WatchReportKind.Playing,
        "started" => WatchReportKind.Started,
        "paused" => WatchReportKind.Paused,
        "ended" => WatchReportKind.Ended,
        _ => null,
    };
}
