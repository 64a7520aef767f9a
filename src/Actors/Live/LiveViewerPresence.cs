using System.Collections.Immutable;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// Who is watching a live stream now: each viewer is counted from the last time one of their players fetched the
/// stream until <see cref="Expiry"/> later. Pure. Presence is held in memory by the stream's entity and never
/// journaled: it changes with every viewer's playlist fetches and means nothing after the fact (an entity started
/// again counts everyone again within one expiry, as their players keep fetching).
/// </summary>
public sealed record LiveViewerPresence(ImmutableDictionary<string, DateTimeOffset> LastSeen)
{
    /// <summary>
    /// Nodes report a viewer about every <c>LiveViewers.Remember</c> (10 s) while their player fetches, so a viewer
    /// stays counted between reports, and one who stops is gone within about half a minute.
    /// </summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);

    /// <summary>Bounds the memory one stream's presence takes; past it, newcomers are not counted until others expire.</summary>
    public const int MaxViewers = 10_000;

    public static readonly LiveViewerPresence None = new(ImmutableDictionary<string, DateTimeOffset>.Empty);

    /// <summary>The presence after <paramref name="viewerId"/> was seen watching at <paramref name="now"/>.</summary>
    public LiveViewerPresence Seen(string viewerId, DateTimeOffset now)
    {
        var current = LastSeen.Count >= MaxViewers ? Pruned(now) : LastSeen;
        if (current.Count >= MaxViewers && !current.ContainsKey(viewerId)) return this with { LastSeen = current };
        return this with { LastSeen = current.SetItem(viewerId, now) };
    }

    /// <summary>How many viewers were seen within <see cref="Expiry"/> of <paramref name="now"/>.</summary>
    public int Count(DateTimeOffset now) => LastSeen.Values.Count(seen => now - seen < Expiry);

    /// <summary>The same presence without viewers who expired (so memory follows the audience).</summary>
    public LiveViewerPresence Prune(DateTimeOffset now) => this with { LastSeen = Pruned(now) };

    private ImmutableDictionary<string, DateTimeOffset> Pruned(DateTimeOffset now) =>
        LastSeen.RemoveRange(LastSeen.Where(p => now - p.Value >= Expiry).Select(p => p.Key).ToList());
}
