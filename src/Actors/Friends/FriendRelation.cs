namespace MediaPlatform.Actors.Friends;

/// <summary>The relationship seen from one of the two users: what their friend list shows.</summary>
public enum FriendRelation
{
    None,
    Friends,
    /// <summary>This user asked the other and waits for an answer.</summary>
    OutgoingRequest,
    /// <summary>The other user asked this one.</summary>
    IncomingRequest,
}

public static class FriendRelations
{
    /// <summary>How <paramref name="userId"/> sees a pair's status.</summary>
    public static FriendRelation For(string userId, FriendshipStatus status, string? requestedBy) => status switch
    {
        FriendshipStatus.Friends => FriendRelation.Friends,
        FriendshipStatus.Requested => requestedBy == userId ? FriendRelation.OutgoingRequest : FriendRelation.IncomingRequest,
        _ => FriendRelation.None,
    };
}
