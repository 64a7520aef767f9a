using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Streams.Tests.Quality.Subtitles;

public class SubtitleParserTests
{
    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Reads_cues_with_times_text_and_lines(SubtitleFormat format)
    {
        var (text, lines) = SubtitleText.Write(format, SubtitleText.Clean());

        var document = SubtitleParser.Parse(text);

        Assert.Equal(format, document.Format);
        Assert.Empty(document.Errors);
        Assert.Equal(3, document.Cues.Count);
        var second = document.Cues[1];
        Assert.Equal((2, lines[1]), (second.Index, second.Line));
        Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)), (second.Start, second.End));
        Assert.Equal(["How are you?", "Fine, thanks."], second.TextLines);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void Accepts_a_byte_order_mark_crlf_and_no_final_blank_line(SubtitleFormat format)
    {
        var (text, _) = SubtitleText.Write(format, SubtitleText.Clean());
        var windows = "\uFEFF" + text.TrimEnd('\n').Replace("\n", "\r\n");

        var document = SubtitleParser.Parse(windows);

        Assert.Equal(format, document.Format);
        Assert.Empty(document.Errors);
        Assert.Equal(3, document.Cues.Count);
        Assert.Equal("Good.", document.Cues[2].TextLines.Single());
        Assert.Empty(SubtitleQualityCheck.Findings(windows, TimedTextRules.Default));
    }

    [Fact]
    public void Reads_webvtt_headers_notes_styles_identifiers_and_cue_settings()
    {
        const string text = """
            WEBVTT - a title
            Kind: captions

            STYLE
            ::cue { color: yellow }

            NOTE written by hand

            intro
            00:01.000 --> 00:03.000 align:start position:10%
            <v Bob>Hello &amp; welcome.</v>

            00:00:04.000 --> 00:00:06.000
            Second.
            """;

        var document = SubtitleParser.Parse(text);

        Assert.Empty(document.Errors);
        Assert.Equal(2, document.Cues.Count);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), (document.Cues[0].Start, document.Cues[0].End));
        Assert.Equal(10, document.Cues[0].Line);
        Assert.Equal("Hello & welcome.", CueText.Visible(document.Cues[0].TextLines[0]));
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt, "00:00:0x.000")]
    [InlineData(SubtitleFormat.WebVtt, "00:00:04,000")] // SRT's comma is not WebVTT
    [InlineData(SubtitleFormat.Srt, "00:00:4,000")]
    [InlineData(SubtitleFormat.Srt, "00:61:04,000")]
    public void A_bad_timestamp_is_an_error_on_its_line(SubtitleFormat format, string bad)
    {
        var (text, lines) = SubtitleText.Write(format, SubtitleText.Clean());
        var good = SubtitleText.Time(4, format);
        text = text.Replace(good + " -->", bad + " -->");

        var document = SubtitleParser.Parse(text);

        var error = Assert.Single(document.Errors);
        Assert.Equal(lines[1], error.Line);
        Assert.Equal(2, error.Cue);
        Assert.Contains(bad, error.Message);
        Assert.Equal([1, 3], document.Cues.Select(c => c.Index));

        var finding = Assert.Single(SubtitleQualityCheck.Findings(text, TimedTextRules.Default));
        Assert.Equal((QcChecks.SubtitleParse, QcSeverity.Error, lines[1]), (finding.Check, finding.Severity, finding.Line));
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void An_end_before_the_start_is_an_error_on_its_line(SubtitleFormat format)
    {
        var cues = SubtitleText.Clean();
        cues[2] = new TestCue(10, 8, "Good.");
        var (text, lines) = SubtitleText.Write(format, cues);

        var error = Assert.Single(SubtitleParser.Parse(text).Errors);

        Assert.Equal(lines[2], error.Line);
        Assert.Contains("before its start", error.Message);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void A_cue_without_text_is_an_error(SubtitleFormat format)
    {
        var cues = SubtitleText.Clean();
        cues[0] = new TestCue(1, 3);
        var (text, lines) = SubtitleText.Write(format, cues);

        var error = Assert.Single(SubtitleParser.Parse(text).Errors);

        Assert.Equal(lines[0], error.Line);
        Assert.Contains("no text", error.Message);
    }

    [Theory]
    [InlineData(SubtitleFormat.WebVtt)]
    [InlineData(SubtitleFormat.Srt)]
    public void A_garbage_block_is_an_error_on_its_first_line(SubtitleFormat format)
    {
        var (text, lines) = SubtitleText.Write(format, SubtitleText.Clean());
        var all = text.Split('\n').ToList();
        all.Insert(lines[1] + 3, "this is not a cue"); // after cue 2's blank line
        all.Insert(lines[1] + 4, "");

        var document = SubtitleParser.Parse(string.Join('\n', all));

        var error = Assert.Single(document.Errors);
        Assert.Equal(lines[1] + 4, error.Line);
        Assert.Contains("this is not a cue", error.Message);
        Assert.Equal(3, document.Cues.Count);
    }

    [Fact]
    public void A_missing_blank_line_between_srt_cues_still_gives_both()
    {
        const string text = "1\n00:00:01,000 --> 00:00:03,000\nOne.\n2\n00:00:04,000 --> 00:00:06,000\nTwo.\n";

        var document = SubtitleParser.Parse(text);

        Assert.Empty(document.Errors);
        Assert.Equal(["One.", "Two."], document.Cues.Select(c => c.TextLines.Single()));
        Assert.Equal([2, 5], document.Cues.Select(c => c.Line));
    }

    [Fact]
    public void A_webvtt_cue_right_after_the_header_is_still_read()
    {
        var document = SubtitleParser.Parse("WEBVTT\n00:00:01.000 --> 00:00:03.000\nFirst.\n");

        Assert.Empty(document.Errors);
        Assert.Equal((1, 2), (document.Cues.Single().Index, document.Cues.Single().Line));
    }

    [Theory]
    [InlineData("Some words\nnot subtitles\n", 1)]
    [InlineData("\n\n  \n", 1)]
    public void Text_that_is_neither_format_is_an_error(string text, int line)
    {
        var document = SubtitleParser.Parse(text);

        Assert.Equal(SubtitleFormat.Unknown, document.Format);
        Assert.Equal(line, Assert.Single(document.Errors).Line);
        Assert.Empty(document.Cues);
    }
}
