using System.Security.Claims;
using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Api.Auth;
using Microsoft.Extensions.Caching.Memory;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Who may watch a published title: its owner (and admins), a user whose billing account has an active subscription,
/// or a user who paid for that title. The owner is known from the title; the rest is one ask to the caller's billing
/// account, remembered on this node per (user, title) so a player's segment requests do not each ask an entity:
/// a grant for <see cref="GrantedFor"/>, a refusal only for <see cref="RefusedFor"/> (someone who just paid is let in soon).
/// </summary>
public sealed class PlaybackEntitlements
{
    public static readonly TimeSpan GrantedFor = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RefusedFor = TimeSpan.FromSeconds(3);
    private const long MaxRemembered = 100_000;

    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    /// <summary>Null when the caller may watch; otherwise the ProblemDetails to answer (401, 403, or 503).</summary>
    public async Task<IResult?> RefusalAsync(ClaimsPrincipal caller, string titleId, string ownerId, IActorRef accounts, CancellationToken ct)
    {
        if (caller.IsAdmin()) return null;
        if (caller.CallerId() is not { } userId) return NotSignedIn(titleId);
        var (mayPlay, reason) = await MayPlayAsync(userId, titleId, ownerId, accounts, fresh: false, ct);
        if (mayPlay is null) return ApiProblems.Timeout($"the billing account of {userId}");
        return mayPlay.Value ? null : NotEntitled(titleId, reason);
    }

    /// <summary>
    /// The playback rule for one user and a published title (owned by <paramref name="ownerId"/>): the owner, else the
    /// billing entitlement. MayPlay null when the account did not answer; Reason says by what ("owner", "subscription",
    /// "purchase") or why not. The HLS routes and the gRPC entitlement checks both decide here.
    /// </summary>
    public async Task<(bool? MayPlay, string Reason)> MayPlayAsync(string userId, string titleId, string ownerId, IActorRef accounts, bool fresh, CancellationToken ct) =>
        userId == ownerId ? (true, Owner) : await EntitlementAsync(userId, titleId, accounts, fresh, ct);

    public const string Owner = "owner";

    /// <summary>
    /// The caller's billing entitlement to a title (not the owner rule): Entitled null when the account did not answer.
    /// <paramref name="fresh"/> asks the account even when an answer is remembered, and remembers the new one.
    /// </summary>
    public async Task<(bool? Entitled, string Reason)> EntitlementAsync(string userId, string titleId, IActorRef accounts, bool fresh, CancellationToken ct)
    {
        var key = (userId, titleId);
        if (!fresh && _answers.TryGetValue(key, out TitleEntitlement? known) && known is not null) return (known.Entitled, known.Reason);
        var answer = await accounts.AskEntityAsync<TitleEntitlement>(new GetTitleEntitlement(userId, titleId), ct);
        if (answer.Rejection is { Kind: RejectionKind.Unavailable }) return (null, "");
        // An account that was never opened has bought nothing.
        var entitlement = answer.Reply ?? new TitleEntitlement(userId, titleId, false, "no active subscription, and this title was not bought");
        _answers.Set(key, entitlement, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = entitlement.Entitled ? GrantedFor : RefusedFor });
        return (entitlement.Entitled, entitlement.Reason);
    }

    private static IResult NotSignedIn(string titleId) => Results.Problem(title: "Sign in to watch",
        detail: $"title {titleId} plays for subscribers and for those who bought it: sign in (session cookie or bearer token)",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>403, not 402: the caller is known and not allowed; 402 is reserved by HTTP and means a declined card here.</summary>
    private static IResult NotEntitled(string titleId, string reason) => Results.Problem(title: "Subscribe or buy this title to watch",
        detail: $"title {titleId} is not available to you: {reason}", statusCode: StatusCodes.Status403Forbidden,
        extensions: new Dictionary<string, object?> { ["reason"] = reason });
}
