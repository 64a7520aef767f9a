using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>
/// A user's accepted friends as their friend list holds them: the fact parties and live streams decide on, looked up
/// by the caller because the deciding entity cannot ask another entity itself.
/// </summary>
public static class AcceptedFriends
{
    public static async Task<EntityAnswer<IReadOnlyList<string>>> AcceptedFriendsOfAsync(this IActorRef friendLists, string userId, CancellationToken ct)
    {
        var list = await friendLists.AskEntityAsync<FriendListView>(new GetFriendList(userId), ct);
        return list.Reply is { } view
            ? new EntityAnswer<IReadOnlyList<string>>(view.Friends.Select(f => f.OtherUserId).ToList(), null)
            : new EntityAnswer<IReadOnlyList<string>>(null, list.Rejection);
    }
}
