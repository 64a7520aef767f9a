using System.Security.Claims;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Who may see and change a title. Published titles are for everyone; an unpublished one exists only for its owner
/// and admins (others get the same 404 as for a title that does not exist). Only the owner or an admin changes it.
/// </summary>
public static class TitleAccess
{
    public static bool MaySee(this ClaimsPrincipal caller, TitleView title) =>
        title.Status == TitleStatus.Published || caller.MayChange(title);

    public static bool MayChange(this ClaimsPrincipal caller, TitleView title) =>
        caller.IsAdmin() || (caller.CallerId() is { } id && id == title.OwnerId);

    /// <summary>The title if the caller may see it; otherwise the 4xx (or 503) to answer with.</summary>
    public static async Task<(TitleView? Title, IResult? Problem)> ReadAsync(IActorRef titles, string titleId, ClaimsPrincipal caller, CancellationToken ct)
    {
        if (ApiInput.Id("title id", titleId) is { } bad) return (null, bad);
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { } rejection) return (null, ApiProblems.From(rejection));
        return caller.MaySee(answer.Reply!) ? (answer.Reply, null) : (null, NotFound(titleId));
    }

    /// <summary>The title if the caller may change it; otherwise 404 (cannot see it) or 403 (sees it, does not own it).</summary>
    public static async Task<(TitleView? Title, IResult? Problem)> ForChangeAsync(IActorRef titles, string titleId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var (title, problem) = await ReadAsync(titles, titleId, caller, ct);
        if (problem is not null) return (null, problem);
        return caller.MayChange(title!) ? (title, null) : (null, ApiProblems.Forbidden("only the title's owner may change it"));
    }

    public static IResult NotFound(string titleId) => ApiProblems.From(Rejection.NotFound($"title {titleId} does not exist"));
}
