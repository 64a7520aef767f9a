using Akka.Actor;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>
/// Sending a friend request: both users must exist (asked of their user entities: an unknown user is a 404), then
/// the pair's Friendship entity decides. If the other user already asked, the request counts as accepting theirs.
/// </summary>
public sealed class FriendRequestFlow(IActorRef users, IActorRef friendships)
{
    public async Task<IResult> RunAsync(string userId, FriendRequestBody body, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.UserId)) return ApiProblems.Invalid("userId is required");
        if (ApiInput.Id("user id", body.UserId) is { } bad) return bad;
        var otherId = body.UserId;
        if (otherId == userId) return ApiProblems.Invalid("you cannot befriend yourself");

        var other = users.AskEntityAsync<UserProfile>(new GetUserProfile(otherId), ct);
        var self = users.AskEntityAsync<UserProfile>(new GetUserProfile(userId), ct);
        foreach (var answer in await Task.WhenAll(other, self))
            if (answer.Rejection is { } missing) return ApiProblems.From(missing);

        return await friendships.AskAsync<FriendshipView>(new RequestFriendship(userId, otherId), ct,
            view => Results.Ok(FriendResponses.From(view, userId)));
    }
}
