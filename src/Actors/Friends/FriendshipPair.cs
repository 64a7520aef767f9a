namespace MediaPlatform.Actors.Friends;

/// <summary>
/// The id of the one entity that owns the relationship between two users: both user ids, ordinally sorted, joined
/// with '~' (a character user ids never contain), so "a~b" names the same pair whoever asks.
/// </summary>
public static class FriendshipPair
{
    public const char Separator = '~';

    public static string Id(string userId, string otherUserId) =>
        string.CompareOrdinal(userId, otherUserId) <= 0
            ? $"{userId}{Separator}{otherUserId}"
            : $"{otherUserId}{Separator}{userId}";

    /// <summary>Splits a pair id into its two (sorted) user ids; false when it is not one.</summary>
    public static bool TryParse(string pairId, out string userA, out string userB)
    {
        var parts = pairId.Split(Separator);
        (userA, userB) = parts.Length == 2 ? (parts[0], parts[1]) : ("", "");
        return parts.Length == 2 && userA.Length > 0 && userB.Length > 0 && string.CompareOrdinal(userA, userB) < 0;
    }
}
