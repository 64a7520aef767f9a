using System.Globalization;
using System.Text;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// Cuts a subtitle track into WebVTT segments along the video's segments. Each segment carries every cue that is on
/// screen during any part of its time, with the cue's own (source) times: a cue spanning a boundary is repeated in
/// each segment it touches (players drop the repeat), and a segment with no cue is a valid, empty WebVTT file. Cues
/// that start after the video ends are left out (nothing could ever show them).
/// </summary>
public static class WebVttSegmenter
{
    public static IReadOnlyList<string> Segment(IReadOnlyList<SubtitleCue> cues, SubtitleFormat format, SubtitleTimeline timeline)
    {
        var header = string.Create(CultureInfo.InvariantCulture,
            $"WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:{timeline.MpegTs},LOCAL:00:00:00.000\n\n");
        var ordered = cues.OrderBy(c => c.Start).ThenBy(c => c.End).ToList();
        var segments = new List<string>(timeline.SegmentDurations.Count);
        var playlistStart = TimeSpan.Zero;
        for (var i = 0; i < timeline.SegmentDurations.Count; i++)
        {
            var playlistEnd = playlistStart + timeline.SegmentDurations[i];
            // The segment's span in the cues' own clock; the first reaches back and takes anything before it.
            var from = i == 0 ? TimeSpan.MinValue : playlistStart - timeline.CueOffset;
            var to = playlistEnd - timeline.CueOffset;
            var text = new StringBuilder(header);
            foreach (var cue in ordered)
            {
                if (cue.Start >= to) break;
                if (cue.End > from) text.Append(WebVttText.Cue(cue, format)).Append("\n\n");
            }
            segments.Add(text.ToString());
            playlistStart = playlistEnd;
        }
        return segments;
    }

    /// <summary>The subtitle media playlist: one WebVTT segment per video segment, with the same durations.</summary>
    public static string Playlist(SubtitleTimeline timeline, Func<int, string> segmentUri)
    {
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{Math.Max(1, timeline.TargetDurationSeconds)}\n");
        text.Append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < timeline.SegmentDurations.Count; i++)
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{timeline.SegmentDurations[i].TotalSeconds:0.000000},\n{segmentUri(i)}\n");
        text.Append("#EXT-X-ENDLIST\n");
        return text.ToString();
    }

    /// <summary>A segment's file name: its index, five digits (like the video's segments).</summary>
    public static string SegmentFile(int index) => index.ToString("00000", CultureInfo.InvariantCulture) + ".vtt";
}
