namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// The video timeline a subtitle rendition follows. <paramref name="SegmentDurations"/> are the video media
/// playlist's segments (EXTINF), so subtitle segment n covers the same playlist time as video segment n.
/// <paramref name="MpegTs"/> is the video's presentation time (90 kHz) of the source's time zero, written into every
/// segment's X-TIMESTAMP-MAP. <paramref name="CueOffset"/> is where a source time lands on the playlist's clock
/// (playlist time = cue time + offset): players start the playlist at the first segment's decode time, which an encoder
/// with B-frames puts a frame or two before the first picture.
/// </summary>
public sealed record SubtitleTimeline(IReadOnlyList<TimeSpan> SegmentDurations, long MpegTs, TimeSpan CueOffset)
{
    public TimeSpan Duration => TimeSpan.FromTicks(SegmentDurations.Sum(d => d.Ticks));

    /// <summary>The longest segment in whole seconds, rounded up: the playlist's EXT-X-TARGETDURATION.</summary>
    public int TargetDurationSeconds => (int)Math.Ceiling(SegmentDurations.DefaultIfEmpty(TimeSpan.Zero).Max().TotalSeconds - 1e-9);
}
