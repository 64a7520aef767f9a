using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>What a client sees of friendships: always from the point of view of the user in the path.</summary>
public static class FriendResponses
{
    public static FriendshipResponse From(FriendshipView view, string userId)
    {
        var other = view.UserA == userId ? view.UserB : view.UserA;
        return new FriendshipResponse(userId, other, view.RelationFor(userId).ToString(), view.Since);
    }

    public static FriendListResponse From(FriendListView view) => new(view.UserId, Items(view.Friends), Items(view.Incoming), Items(view.Outgoing));

    private static List<FriendResponse> Items(IEnumerable<FriendListEntry> entries) =>
        entries.Select(e => new FriendResponse(e.OtherUserId, e.Since)).ToList();
}
