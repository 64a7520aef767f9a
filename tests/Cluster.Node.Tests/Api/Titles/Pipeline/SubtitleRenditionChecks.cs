using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MediaPlatform.Streams.Quality.Subtitles;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Media;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// Follows a published title's master to one subtitle rendition and every one of its segments, and checks them against
/// the uploaded source: every source cue is served with its exact start and end (ms) and text, in each segment whose
/// time it overlaps; nothing else is served; each segment maps its cues to the first picture of the video as ffprobe
/// finds it in the served init and first segment.
/// </summary>
internal static partial class SubtitleRenditionChecks
{
    public static async Task AssertServedExactlyAsync(HttpClient client, string titleId, string master, string source, string language,
        string name, ITestOutputHelper output)
    {
        var media = master.Split('\n').Single(l => l.StartsWith("#EXT-X-MEDIA:TYPE=SUBTITLES") && l.Contains($"LANGUAGE=\"{language}\""));
        Assert.Contains($"NAME=\"{name}\"", media);
        Assert.All(master.Split('\n').Where(l => l.StartsWith("#EXT-X-STREAM-INF:")), l => Assert.Contains("SUBTITLES=\"subs\"", l));
        var uri = Uri().Match(media).Groups[1].Value;
        var folder = uri[..(uri.LastIndexOf('/') + 1)];
        var playlist = await TextAsync(client, $"/media/titles/{titleId}/{uri}", "application/vnd.apple.mpegurl");

        // The subtitle segments follow the video's: same count, same durations.
        var variant = master.Split('\n').First(l => l.EndsWith(".m3u8") && !l.StartsWith('#'));
        var video = await TextAsync(client, $"/media/titles/{titleId}/{variant}", "application/vnd.apple.mpegurl");
        Assert.Equal(Durations(video), Durations(playlist));

        var (firstPicture, decodeStart) = await VideoStartAsync(client, titleId, variant, video);
        var expectedMpegTs = (long)Math.Round(firstPicture * 90_000);
        var delay = firstPicture - decodeStart;
        output.WriteLine($"first picture at {firstPicture:0.000} s: MPEGTS {expectedMpegTs}");

        var sourceCues = SubtitleParser.Parse(source).Cues;
        var served = new List<(int Segment, long Start, long End, string Text)>();
        var segments = playlist.Split('\n').Where(l => l.EndsWith(".vtt")).ToList();
        var durations = Durations(playlist);
        var segmentStart = 0.0;
        for (var i = 0; i < segments.Count; i++)
        {
            var text = await TextAsync(client, $"/media/titles/{titleId}/{folder}{segments[i]}", "text/vtt");
            var lines = text.Split('\n');
            Assert.Equal("WEBVTT", lines[0]);
            Assert.Equal($"X-TIMESTAMP-MAP=MPEGTS:{expectedMpegTs},LOCAL:00:00:00.000", lines[1]);
            var cues = Cues(text);
            served.AddRange(cues.Select(c => (i, c.Start, c.End, c.Text)));

            // Every source cue on screen during this segment's playlist time is in it, and only those.
            var from = segmentStart - delay;
            var to = segmentStart + durations[i] - delay;
            var expected = sourceCues.Where(c => c.Start.TotalSeconds < to && c.End.TotalSeconds > (i == 0 ? double.MinValue : from))
                .Select(c => (Ms(c.Start), Ms(c.End))).ToList();
            Assert.Equal(expected, cues.Select(c => (c.Start, c.End)).ToList());
            segmentStart += durations[i];
        }

        foreach (var cue in sourceCues)
        {
            var copies = served.Where(s => s.Start == Ms(cue.Start) && s.End == Ms(cue.End)).ToList();
            Assert.True(copies.Count > 0, $"cue {cue.Index} ({cue.Start} --> {cue.End}) is in no segment");
            Assert.All(copies, c => Assert.Equal(Visible(cue.TextLines), Visible(c.Text.Split('\n'))));
        }
        Assert.Contains(served, s => s.Text == "<i>Tom</i> &amp; Jerry"); // SRT became WebVTT text
        Assert.True(served.GroupBy(s => (s.Start, s.End)).Any(g => g.Count() > 1), "a cue across a segment boundary is in both segments");
    }

    /// <summary>The first picture's presentation time and the first decode time of the variant (players start the playlist there).</summary>
    private static async Task<(double Picture, double Decode)> VideoStartAsync(HttpClient client, string titleId, string variant, string video)
    {
        var init = Uri().Match(video.Split('\n').Single(l => l.StartsWith("#EXT-X-MAP:"))).Groups[1].Value;
        var first = video.Split('\n').First(l => l.EndsWith(".m4s"));
        var folder = variant.Contains('/') ? variant[..(variant.LastIndexOf('/') + 1)] : "";
        using var temp = new TempDirectory("subtitle-check");
        var joined = temp.Combine("first.mp4");
        await File.WriteAllBytesAsync(joined, [
            .. await client.GetByteArrayAsync($"/media/titles/{titleId}/{folder}{init}"),
            .. await client.GetByteArrayAsync($"/media/titles/{titleId}/{folder}{first}"),
        ]);
        return (await MediaInspection.FirstVideoPresentationTimeAsync(joined), await MediaInspection.FirstVideoDecodeTimeAsync(joined));
    }

    private static async Task<string> TextAsync(HttpClient client, string path, string type)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        return text;
    }

    private static List<double> Durations(string playlist) => playlist.Split('\n').Where(l => l.StartsWith("#EXTINF:"))
        .Select(l => double.Parse(l[8..].TrimEnd(','), CultureInfo.InvariantCulture)).ToList();

    /// <summary>The cues of a WebVTT segment, read with a parser of the test's own (hh:mm:ss.ttt timing lines).</summary>
    private static List<(long Start, long End, string Text)> Cues(string vtt) => vtt.Split("\n\n").Skip(1)
        .Where(b => b.Contains("-->"))
        .Select(b =>
        {
            var lines = b.Trim('\n').Split('\n');
            var m = Timing().Match(lines[0]);
            Assert.True(m.Success, $"not a timing line: {lines[0]}");
            return (Parse(m.Groups[1].Value), Parse(m.Groups[2].Value), string.Join('\n', lines.Skip(1)));
        }).ToList();

    private static long Parse(string t) =>
        (long)TimeSpan.ParseExact(t, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture).TotalMilliseconds;

    private static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;

    private static string Visible(IEnumerable<string> lines) => string.Join('\n', lines.Select(CueText.Visible));

    [GeneratedRegex("URI=\"([^\"]+)\"")]
    private static partial Regex Uri();

    [GeneratedRegex(@"^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})$")]
    private static partial Regex Timing();
}
