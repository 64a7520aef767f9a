namespace MediaPlatform.Node.Api.Friends;

// Request and response bodies of the friends API. Unknown JSON fields are refused (400), so a typo never goes unseen.

/// <summary>Whom to befriend: by user id, or by the email address they signed up with (one of the two).</summary>
public sealed record FriendRequestBody(string? UserId, string? Email = null);

/// <summary>The relationship with <paramref name="OtherUserId"/> as <paramref name="UserId"/> sees it.</summary>
public sealed record FriendshipResponse(string UserId, string OtherUserId, string Relation, DateTimeOffset? Since);

public sealed record FriendResponse(string UserId, DateTimeOffset Since);

public sealed record FriendListResponse(string UserId, IReadOnlyList<FriendResponse> Friends, IReadOnlyList<FriendResponse> Incoming,
    IReadOnlyList<FriendResponse> Outgoing);
