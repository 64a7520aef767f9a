using MediaPlatform.Streams.Packaging;

namespace MediaPlatform.Streams.Tests.Packaging;

/// <summary>Pure rules of the playlists served while a title transcodes: which cut segments are final, and the EVENT playlist text.</summary>
public sealed class EarlyPackagingTests
{
    private static HlsMediaPlaylist Cut(params double[] seconds) =>
        new("240p", "240p.m3u8", "240p_init.mp4", seconds.Select((s, i) => new HlsSegment($"240p_{i:D5}.m4s", TimeSpan.FromSeconds(s), 1000)).ToList());

    [Theory]
    [InlineData(new[] { 4.0 }, true)]             // one chunk of exactly 4 s: the next chunk's keyframe is where the rung is cut
    [InlineData(new[] { 4.0, 4.0 }, true)]
    [InlineData(new[] { 4.0, 2.0 }, false)]       // ends mid-segment: the whole rung cuts later
    [InlineData(new[] { 4.0, 3.96 }, false)]      // a frame short of the boundary
    [InlineData(new[] { 4.08, 3.92 }, true)]      // a long segment is followed by a short one; the boundary is absolute
    [InlineData(new double[0], false)]
    public void The_last_segment_of_a_prefix_must_count_as_final_only_when_the_prefix_ends_on_a_segment_boundary(double[] seconds, bool final) =>
        Assert.Equal(final, PrefixSegmenter.LastIsFinal(Cut(seconds), segmentSeconds: 4));

    [Fact]
    public void A_growing_playlist_must_be_an_EVENT_playlist_without_ENDLIST_listing_its_segments_in_order()
    {
        var playlist = Cut(4, 4.08);
        var text = EventPlaylistWriter.Write(playlist.InitFile, playlist.Segments, EventPlaylistWriter.TargetSeconds(4, playlist.Segments));

        Assert.Contains("#EXT-X-PLAYLIST-TYPE:EVENT\n", text);
        Assert.Contains("#EXT-X-TARGETDURATION:8\n", text);
        Assert.Contains("#EXT-X-MAP:URI=\"240p_init.mp4\"\n", text);
        Assert.DoesNotContain("ENDLIST", text);
        var parsed = MediaPlaylistText.Parse(text);
        Assert.Equal(["240p_00000.m4s", "240p_00001.m4s"], parsed.Segments.Select(s => s.Uri));
        Assert.Equal(TimeSpan.FromSeconds(4.08), parsed.Segments[1].Duration);
    }
}
