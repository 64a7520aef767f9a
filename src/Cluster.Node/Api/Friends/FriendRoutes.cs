using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>
/// /api/users/{userId}/friends: a user's friends and requests. Every route needs that user's token. Changes go to the
/// pair's Friendship entity and are answered once it has stored them; the friend lists (GET) follow within moments.
/// </summary>
public static class FriendRoutes
{
    public static IEndpointRouteBuilder MapFriendRoutes(this IEndpointRouteBuilder app)
    {
        var friends = app.MapGroup("/api/users/{userId}/friends").RequireAuthorization().WithTags("friends");

        friends.MapGet("/", (string userId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.FriendLists> lists, CancellationToken ct) =>
            Guard(caller, userId) ?? lists.ActorRef.AskAsync<FriendListView>(new GetFriendList(userId), ct,
                view => Results.Ok(FriendResponses.From(view))))
            .WithSummary("Friends, incoming and outgoing requests");

        friends.MapPost("/requests", (string userId, FriendRequestBody body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
                IRequiredActor<EntityRegions.EmailReservations> emails, IRequiredActor<EntityRegions.Friendships> friendships,
                IRequiredActor<EntityRegions.FriendLists> lists, UserQuotas quotas, CancellationToken ct) =>
            Guard(caller, userId) ?? new FriendRequestFlow(users.ActorRef, friendships.ActorRef, new FriendSlots(lists.ActorRef, quotas), emails.ActorRef)
                .RunAsync(userId, body, ct))
            .WithSummary("Send a friend request to {userId} or {email}; if the other user already asked, this accepts theirs");

        friends.MapPost("/requests/{fromUserId}/accept", (string userId, string fromUserId, ClaimsPrincipal caller,
                IRequiredActor<EntityRegions.Friendships> friendships, IRequiredActor<EntityRegions.FriendLists> lists, UserQuotas quotas, CancellationToken ct) =>
            Guard(caller, userId, fromUserId) ?? FriendRequestFlow.ChangeWithSlotsAsync(friendships.ActorRef, new FriendSlots(lists.ActorRef, quotas),
                FriendshipPair.Id(userId, fromUserId), [(userId, FriendRelation.Friends), (fromUserId, FriendRelation.Friends)],
                new AcceptFriendship(userId, fromUserId), userId, ct))
            .WithSummary("Accept a request (recipient only)");

        friends.MapPost("/requests/{fromUserId}/decline", (string userId, string fromUserId, ClaimsPrincipal caller,
                IRequiredActor<EntityRegions.Friendships> friendships, CancellationToken ct) =>
            Guard(caller, userId, fromUserId) ?? Change(friendships, new DeclineFriendship(userId, fromUserId), userId, ct))
            .WithSummary("Decline a request (recipient only)");

        friends.MapDelete("/{otherUserId}", (string userId, string otherUserId, ClaimsPrincipal caller,
                IRequiredActor<EntityRegions.Friendships> friendships, CancellationToken ct) =>
            Guard(caller, userId, otherUserId) ?? friendships.ActorRef.AskAsync<FriendshipView>(new EndFriendship(userId, otherUserId), ct,
                _ => Results.NoContent()))
            .WithSummary("Remove a friend, or cancel (or decline) a pending request; repeating it is harmless");

        return app;
    }

    private static Task<IResult> Change(IRequiredActor<EntityRegions.Friendships> friendships, IFriendshipCommand command, string userId,
        CancellationToken ct) =>
        friendships.ActorRef.AskAsync<FriendshipView>(command, ct, view => Results.Ok(FriendResponses.From(view, userId)));

    /// <summary>Well-formed ids, and the caller acts for this user; otherwise the 400/403 to answer with.</summary>
    private static Task<IResult>? Guard(ClaimsPrincipal caller, string userId, string? otherUserId = null)
    {
        var problem = ApiInput.Id("user id", userId)
            ?? (otherUserId is null ? null : ApiInput.Id("other user id", otherUserId))
            ?? caller.ForbidUnlessSelf(userId)
            ?? (otherUserId == userId ? ApiProblems.Invalid("you cannot befriend yourself") : null);
        return problem is null ? null : Task.FromResult(problem);
    }
}
