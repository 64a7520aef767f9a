using MediaPlatform.Streams.Quality.Subtitles;
using MediaPlatform.Streams.Subtitles;

namespace MediaPlatform.Streams.Tests.Subtitles;

public class WebVttSegmenterTests
{
    private static readonly SubtitleTimeline FourSecondSegments = new([S(4), S(4), S(2)], MpegTs: 0, CueOffset: TimeSpan.Zero);

    [Fact]
    public void A_cue_spanning_a_segment_boundary_must_be_repeated_in_both_segments_with_its_own_times()
    {
        var segments = Segment("1\n00:00:03,200 --> 00:00:04,800\nAcross the cut\n", FourSecondSegments);

        Assert.Equal(3, segments.Count);
        Assert.Equal([("00:00:03.200", "00:00:04.800", "Across the cut")], Cues(segments[0]));
        Assert.Equal([("00:00:03.200", "00:00:04.800", "Across the cut")], Cues(segments[1]));
        Assert.Empty(Cues(segments[2]));
    }

    [Fact]
    public void A_segment_without_cues_must_be_a_valid_WebVTT_file_with_its_timestamp_map()
    {
        var segments = Segment("1\n00:00:00,500 --> 00:00:01,500\nOnly at the start\n", FourSecondSegments with { MpegTs = 7200 });

        Assert.Equal("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:7200,LOCAL:00:00:00.000\n\n", segments[1]);
        Assert.Equal(segments[1], segments[2]);
        Assert.StartsWith("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:7200,LOCAL:00:00:00.000\n\n00:00:00.500 --> 00:00:01.500\nOnly at the start\n\n", segments[0]);
    }

    [Fact]
    public void Cue_times_must_stay_exact_to_the_millisecond_in_any_hour()
    {
        var timeline = new SubtitleTimeline(Enumerable.Repeat(S(4), 1000).ToList(), 0, TimeSpan.Zero);
        var segments = Segment("1\n00:00:01,001 --> 00:00:03,999\nOne\n\n2\n01:02:01,004 --> 01:02:03,006\nTwo\n", timeline);

        Assert.Equal([("00:00:01.001", "00:00:03.999", "One")], Cues(segments[0]));
        var at = (int)(new TimeSpan(1, 2, 1).TotalSeconds / 4);
        Assert.Equal([("01:02:01.004", "01:02:03.006", "Two")], Cues(segments[at]));
        Assert.Equal(1, segments.Count(s => Cues(s).Count > 0 && Cues(s)[0].Text == "Two"));
    }

    [Fact]
    public void A_cue_ending_exactly_at_a_boundary_must_belong_to_the_earlier_segment_only()
    {
        var segments = Segment("1\n00:00:02,000 --> 00:00:04,000\nUp to the cut\n\n2\n00:00:04,000 --> 00:00:05,000\nFrom the cut\n", FourSecondSegments);

        Assert.Equal(["Up to the cut"], Cues(segments[0]).Select(c => c.Text));
        Assert.Equal(["From the cut"], Cues(segments[1]).Select(c => c.Text));
    }

    [Fact]
    public void The_first_picture_s_delay_must_move_cues_by_playlist_time_but_keep_their_written_times()
    {
        // Shown at 3.95 s of the source, the cue plays at 4.03 s of the playlist when the first picture comes 80 ms in.
        var timeline = FourSecondSegments with { MpegTs = 7200, CueOffset = TimeSpan.FromMilliseconds(80) };
        var segments = Segment("1\n00:00:03,950 --> 00:00:03,990\nLate\n", timeline);

        Assert.Empty(Cues(segments[0]));
        Assert.Equal([("00:00:03.950", "00:00:03.990", "Late")], Cues(segments[1]));
    }

    [Fact]
    public void Cues_after_the_video_ends_must_be_left_out_and_one_running_past_the_end_kept()
    {
        var segments = Segment("1\n00:00:09,000 --> 00:00:12,000\nPast the end\n\n2\n00:00:10,500 --> 00:00:11,000\nNever seen\n", FourSecondSegments);

        Assert.Equal(["Past the end"], segments.SelectMany(Cues).Select(c => c.Text));
    }

    [Fact]
    public void Srt_text_must_become_WebVTT_text()
    {
        var segments = Segment("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<I>Tom</I> & <font color=\"#ff0\">Jerry</font> &amp; co\n<b>I <3 it</b> -> ok\n", FourSecondSegments);

        var cue = Assert.Single(Cues(segments[0]));
        Assert.Equal("<i>Tom</i> &amp; Jerry &amp; co\n<b>I &lt;3 it</b> -&gt; ok", cue.Text);
    }

    [Fact]
    public void WebVTT_text_must_pass_through_as_uploaded()
    {
        var document = SubtitleParser.Parse("WEBVTT\n\nNOTE a comment\n\nintro\n00:01.000 --> 00:02.000 align:start\n<v Bob>Hi &amp; <c.yellow>bye</c>\n");
        var segments = WebVttSegmenter.Segment(document.Cues, document.Format, FourSecondSegments);

        Assert.Equal([("00:00:01.000", "00:00:02.000", "<v Bob>Hi &amp; <c.yellow>bye</c>")], Cues(segments[0]));
        Assert.Contains("00:00:01.000 --> 00:00:02.000 align:start\n", segments[0]);
    }

    [Fact]
    public void Cue_settings_must_be_kept_from_WebVTT_and_made_from_SRT_position_overrides()
    {
        var vtt = SubtitleParser.Parse("WEBVTT\n\n00:01.000 --> 00:02.000 align:start line:10% region:r1 position:20%,line-left\nPlaced\n");
        var srt = SubtitleParser.Parse("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Top\n\n2\n00:00:02,500 --> 00:00:03,000\n{\\an7}Top left\n\n3\n00:00:03,500 --> 00:00:04,000\nBottom\n");

        Assert.Contains("00:00:01.000 --> 00:00:02.000 align:start line:10% position:20%,line-left\nPlaced\n",
            WebVttSegmenter.Segment(vtt.Cues, vtt.Format, FourSecondSegments)[0]);
        var segment = WebVttSegmenter.Segment(srt.Cues, srt.Format, FourSecondSegments)[0];
        Assert.Contains("00:00:01.000 --> 00:00:02.000 line:0\nTop\n", segment);
        Assert.Contains("00:00:02.500 --> 00:00:03.000 line:0 align:left\nTop left\n", segment);
        Assert.Contains("00:00:03.500 --> 00:00:04.000\nBottom\n", segment);
    }

    [Fact]
    public void The_playlist_must_list_one_segment_per_video_segment_with_the_same_durations()
    {
        var timeline = new SubtitleTimeline([S(4), S(4), TimeSpan.FromSeconds(1.96)], 0, TimeSpan.Zero);

        var playlist = WebVttSegmenter.Playlist(timeline, WebVttSegmenter.SegmentFile);

        Assert.Equal(
            "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:4\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n" +
            "#EXTINF:4.000000,\n00000.vtt\n#EXTINF:4.000000,\n00001.vtt\n#EXTINF:1.960000,\n00002.vtt\n#EXT-X-ENDLIST\n",
            playlist);
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static IReadOnlyList<string> Segment(string source, SubtitleTimeline timeline)
    {
        var document = SubtitleParser.Parse(source);
        Assert.Empty(document.Errors);
        return WebVttSegmenter.Segment(document.Cues, document.Format, timeline);
    }

    /// <summary>The cues of one segment, read back the simple way a test can trust: timing line, then text to the blank line.</summary>
    private static List<(string Start, string End, string Text)> Cues(string segment)
    {
        Assert.StartsWith("WEBVTT\n", segment);
        var cues = new List<(string, string, string)>();
        foreach (var block in segment.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var lines = block.Split('\n');
            var times = lines[0].Split(" --> ");
            cues.Add((times[0], times[1].Split(' ')[0], string.Join('\n', lines.Skip(1))));
        }
        return cues;
    }
}
