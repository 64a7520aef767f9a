using MediaPlatform.Actors.Live;

namespace MediaPlatform.Actors.Tests.Live;

/// <summary>Counting a live stream's viewers from when their players were last served, on the pure presence.</summary>
public sealed class LiveViewerPresenceSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nobody_watches_a_stream_no_player_has_fetched() => Assert.Equal(0, LiveViewerPresence.None.Count(T0));

    [Fact]
    public void Each_viewer_counts_once_however_often_their_player_fetches()
    {
        var presence = LiveViewerPresence.None.Seen("u-a", T0).Seen("u-a", T0.AddSeconds(10)).Seen("u-b", T0.AddSeconds(12)).Seen("u-a", T0.AddSeconds(20));
        Assert.Equal(2, presence.Count(T0.AddSeconds(21)));
    }

    [Fact]
    public void A_viewer_stops_counting_an_expiry_after_they_were_last_seen_and_counts_again_when_seen()
    {
        var presence = LiveViewerPresence.None.Seen("u-a", T0).Seen("u-b", T0.AddSeconds(20));
        Assert.Equal(2, presence.Count(T0 + LiveViewerPresence.Expiry - TimeSpan.FromSeconds(1)));
        Assert.Equal(1, presence.Count(T0 + LiveViewerPresence.Expiry));
        Assert.Equal(0, presence.Count(T0.AddSeconds(20) + LiveViewerPresence.Expiry));
        Assert.Equal(1, presence.Seen("u-a", T0.AddSeconds(60)).Count(T0.AddSeconds(61)));
    }

    [Fact]
    public void Pruning_forgets_expired_viewers_and_keeps_the_count()
    {
        var presence = LiveViewerPresence.None.Seen("u-a", T0).Seen("u-b", T0.AddSeconds(25));
        var pruned = presence.Prune(T0.AddSeconds(40));
        Assert.Equal(["u-b"], pruned.LastSeen.Keys);
        Assert.Equal(presence.Count(T0.AddSeconds(40)), pruned.Count(T0.AddSeconds(40)));
    }

    [Fact]
    public void A_full_presence_counts_no_newcomer_until_someone_expires()
    {
        var presence = LiveViewerPresence.None;
        for (var i = 0; i < LiveViewerPresence.MaxViewers; i++) presence = presence.Seen($"u-{i}", T0);
        Assert.Equal(LiveViewerPresence.MaxViewers, presence.Seen("u-late", T0.AddSeconds(1)).Count(T0.AddSeconds(1)));
        Assert.Equal(LiveViewerPresence.MaxViewers, presence.Seen("u-0", T0.AddSeconds(1)).Count(T0.AddSeconds(1)));
        Assert.Equal(1, presence.Seen("u-late", T0 + LiveViewerPresence.Expiry).Count(T0 + LiveViewerPresence.Expiry));
    }
}
