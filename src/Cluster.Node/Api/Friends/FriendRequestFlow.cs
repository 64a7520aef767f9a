using Akka.Actor;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>
/// Sending a friend request: both users must exist (asked of their user entities: an unknown user is a 404), then
/// the pair's Friendship entity decides. If the other user already asked, the request counts as accepting theirs.
/// Quotas first: an accepting request needs a friend slot on both lists, a new one an open-request slot on the
/// asker's (<see cref="FriendSlots"/>). The other user is named by id, or by email: the address's reservation (the one
/// sign-up takes) names its user; an address nobody uses (or whose sign-up has not finished) is a 404, which tells a
/// signed-in caller no more than sign-up's 409 tells anyone (docs/security.md).
/// </summary>
public sealed class FriendRequestFlow(IActorRef users, IActorRef friendships, FriendSlots slots, IActorRef emails)
{
    public async Task<IResult> RunAsync(string userId, FriendRequestBody body, CancellationToken ct)
    {
        var (found, problem) = await OtherUserAsync(body, ct);
        if (problem is not null || found is not { } otherId) return problem!;
        if (otherId == userId) return ApiProblems.Invalid("you cannot befriend yourself");

        var other = users.AskEntityAsync<UserProfile>(new GetUserProfile(otherId), ct);
        var self = users.AskEntityAsync<UserProfile>(new GetUserProfile(userId), ct);
        foreach (var answer in await Task.WhenAll(other, self))
            if (answer.Rejection is { } missing) return ApiProblems.From(missing);

        var pair = await friendships.AskEntityAsync<FriendshipView>(new GetFriendship(userId, otherId), ct);
        if (pair.Rejection is { } refused) return ApiProblems.From(refused);
        var relation = pair.Reply!.RelationFor(userId);
        if (relation is FriendRelation.Friends or FriendRelation.OutgoingRequest) // a repeat: the pair entity answers, no slot needed
            return await friendships.AskAsync<FriendshipView>(new RequestFriendship(userId, otherId), ct, view => Results.Ok(FriendResponses.From(view, userId)));
        (string, FriendRelation)[] needed = relation == FriendRelation.IncomingRequest
            ? [(userId, FriendRelation.Friends), (otherId, FriendRelation.Friends)]
            : [(userId, FriendRelation.OutgoingRequest)];
        return await ChangeWithSlotsAsync(friendships, slots, pair.Reply.PairId, needed, new RequestFriendship(userId, otherId), userId, ct);
    }

    private async Task<(string? OtherId, IResult? Problem)> OtherUserAsync(FriendRequestBody body, CancellationToken ct)
    {
        var byId = !string.IsNullOrEmpty(body.UserId);
        var byEmail = !string.IsNullOrEmpty(body.Email);
        if (byId == byEmail) return (null, ApiProblems.Invalid("give either userId or email of the user to befriend"));
        if (body.UserId is { Length: > 0 } userId) return ApiInput.Id("user id", userId) is { } bad ? (null, bad) : (userId, null);
        if (!EmailAddress.TryNormalize(body.Email, out var email, out var error)) return (null, ApiProblems.Invalid(error));
        var holder = await emails.AskEntityAsync<EmailReservationView>(new GetEmailReservation(email), ct);
        if (holder.Rejection is { } rejection) return (null, ApiProblems.From(rejection));
        return holder.Reply is { HolderUserId: { } id, Confirmed: true }
            ? (id, null)
            : (null, ApiProblems.From(Actors.Entities.Rejection.NotFound("no user has that email address")));
    }

    /// <summary>Holds the slots, then lets the pair decide; a refusal gives the slots back.</summary>
    public static async Task<IResult> ChangeWithSlotsAsync(IActorRef friendships, FriendSlots slots, string pairId,
        IReadOnlyList<(string UserId, FriendRelation Relation)> needed, IFriendshipCommand command, string userId, CancellationToken ct)
    {
        if (await slots.HoldAsync(pairId, needed, ct) is { } full) return ApiProblems.From(full);
        var answer = await friendships.AskEntityAsync<FriendshipView>(command, ct);
        if (answer.Reply is { } view) return Results.Ok(FriendResponses.From(view, userId));
        await slots.ReleaseAsync(pairId, needed.Select(n => n.UserId));
        return answer.Rejection is { } refused ? ApiProblems.From(refused) : ApiProblems.Timeout("the friendship");
    }
}
