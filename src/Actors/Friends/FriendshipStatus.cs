namespace MediaPlatform.Actors.Friends;

/// <summary>The relationship of a pair, as its Friendship entity holds it.</summary>
public enum FriendshipStatus
{
    None,
    Requested,
    Friends,
}
