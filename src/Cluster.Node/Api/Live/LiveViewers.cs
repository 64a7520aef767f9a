using System.Collections.Concurrent;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Live;
using MediaPlatform.Node.Api.Friends;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// Who may see a live stream (its owner and the owner's accepted friends, as the stream entity decides), looked up
/// for routes and playback. Players fetch a playlist or segment every second or two, so a yes is remembered on this
/// node for <see cref="Remember"/>; an unfriended viewer loses access within that time. Each such look-up also tells
/// the stream the viewer is watching (its viewer count).
/// </summary>
public sealed class LiveViewers(IActorRef streams, IActorRef friendLists)
{
    public static readonly TimeSpan Remember = TimeSpan.FromSeconds(10);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<(string Stream, string Viewer), DateTimeOffset> _allowed = new();

    public IActorRef Streams => streams;

    /// <summary>The user's accepted friends, as their friend list holds them.</summary>
    public Task<EntityAnswer<IReadOnlyList<string>>> FriendsOfAsync(string userId, CancellationToken ct) => friendLists.AcceptedFriendsOfAsync(userId, ct);

    /// <summary>The stream as <paramref name="viewerId"/> may see it, or the refusal (404, 403, 503).</summary>
    public async Task<EntityAnswer<LiveStreamView>> ViewAsync(string streamId, string viewerId, CancellationToken ct)
    {
        var friends = await FriendsOfAsync(viewerId, ct);
        if (friends.Rejection is { } unavailable) return new EntityAnswer<LiveStreamView>(null, unavailable);
        return await streams.AskEntityAsync<LiveStreamView>(new GetLiveStream(streamId, viewerId, friends.Reply!), ct);
    }

    /// <summary>Null when <paramref name="viewerId"/> may watch the stream; the refusal otherwise.</summary>
    public async Task<Rejection?> RefusalAsync(string streamId, string viewerId, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        if (_allowed.TryGetValue((streamId, viewerId), out var until) && until > now) return null;
        var answer = await ViewAsync(streamId, viewerId, ct);
        if (answer.Rejection is { } refused) return refused;
        if (_allowed.Count >= MaxRemembered) _allowed.Clear();
        _allowed[(streamId, viewerId)] = now + Remember;
        // Asked again only after Remember: the stream hears of each watching viewer that often from this node.
        streams.Tell(new RecordLiveViewer(streamId, viewerId));
        return null;
    }
}
