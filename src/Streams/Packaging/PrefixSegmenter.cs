namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Which segments of a rung's encoded prefix (chunks 0..k-1, cut by <see cref="RungSegmenter"/> exactly as the final
/// package cuts the whole rung) are final. Every segment but the prefix's last is the same bytes the final package holds
/// under the same name (the segmenter cuts at the first keyframe past each multiple of the segment time, which depends
/// only on what came before); the last may be cut short by the prefix's end, so it is left out unless it is known to be
/// final. Pure.
/// </summary>
public static class PrefixSegmenter
{
    /// <param name="complete">The prefix is the whole rung: its last segment is final too.</param>
    /// <returns>The playlist of the segments that will not change (possibly none).</returns>
    public static HlsMediaPlaylist FinalSegments(HlsMediaPlaylist cut, int segmentSeconds, bool complete) =>
        complete || LastIsFinal(cut, segmentSeconds) || cut.Segments.Count == 0
            ? cut
            : cut with { Segments = cut.Segments.Take(cut.Segments.Count - 1).ToList() };

    /// <summary>
    /// The segmenter ends its n-th segment at the first keyframe at or after n × the segment time. The prefix's last
    /// (n-th) segment holds no keyframe from that point on (it would have been cut there), and the next chunk starts
    /// with a keyframe exactly where the prefix ends; so if the prefix ends at or after n × the segment time, the
    /// whole rung is cut there too and the segment is final. Timestamps a hair short of it count as not final.
    /// </summary>
    public static bool LastIsFinal(HlsMediaPlaylist playlist, int segmentSeconds) =>
        playlist.Segments.Count > 0 &&
        playlist.Duration >= TimeSpan.FromSeconds(playlist.Segments.Count * segmentSeconds) - TimeSpan.FromTicks(20); // EXTINF prints µs
}
