using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// Published on <see cref="LiveTopics.WentLive"/> when a stream goes on air (or comes back after an interruption), for
/// every node to push to the connections of <paramref name="FriendIds"/> it holds.
/// </summary>
[Manifest("live.went-live.v1")]
public sealed record LiveStreamWentLive(string StreamId, string OwnerId, string Title, bool Resumed, IReadOnlyList<string> FriendIds,
    DateTimeOffset At) : IProtocolMessage;

/// <summary>The pub-sub topics of live streams.</summary>
public static class LiveTopics
{
    public const string WentLive = "live-went-live";
}
