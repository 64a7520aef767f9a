using System.Diagnostics;
using System.Net;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// A title plays while it transcodes: once the first chunks of a rung are encoded, its owner gets a master and a
/// growing EVENT playlist whose segments are the very bytes the published package serves later; on publish the
/// playlists are VOD with ENDLIST and the top rung holds every source frame once. The clip is long enough (30 s of
/// 720p, 4 s chunks, the shipped veryfast ladder) that its encode takes many seconds on this machine.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PlayableWhileTranscodingSpecs(PipelineNodeFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_title_still_transcoding_serves_its_first_segments_to_its_owner_and_the_same_segments_once_published()
    {
        var owner = await fixture.NewUploaderAsync();
        var stranger = await fixture.NewUploaderAsync();
        var source = await PipelineClips.GoodAsync(30, 1280, 720);
        var id = TitleApi.Id(await TitleApi.CreateAsync(owner, "Playable early"));
        Assert.False((await TitleApi.GetAsync(owner, id)).GetProperty("playable").GetBoolean(), "nothing uploaded: not playable");
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(owner, id, source)).StatusCode);

        var early = await FirstPlayableAsync(owner, id);
        // The title's API says so too, while it still transcodes (what the run command's demo prints).
        var playing = await TitleApi.GetAsync(owner, id);
        Assert.True(playing.GetProperty("playable").GetBoolean(), $"served while {TitleApi.Status(playing)}, yet not playable");
        output.WriteLine($"playable while transcoding at {early.Percent:0}% ready: {early.Playlist} with {early.Segments.Count} segment(s)");
        Assert.Contains("#EXT-X-PLAYLIST-TYPE:EVENT", early.PlaylistText);
        Assert.DoesNotContain("#EXT-X-ENDLIST", early.PlaylistText);
        Assert.True(early.PlaylistCaching is { Private: true, MaxAge.TotalSeconds: 1 }, $"playlist cached as {early.PlaylistCaching}");
        // Unpublished titles are the owner's: anyone else sees no title at all.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/media/titles/{id}/master.m3u8")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/media/titles/{id}/{early.Segments[0]}")).StatusCode);

        // The playlist grows by cuts of the chunks encoded since the last cut: every segment a player gets meanwhile
        // must be the package's too, not only the first cut's.
        var grown = await SegmentsWhileTranscodingAsync(owner, id, early);
        output.WriteLine($"{early.Playlist} grew to {grown.Count} segment(s) while transcoding");
        Assert.True(grown.Count > early.Segments.Count, $"{early.Playlist} never grew by a later cut while transcoding ({grown.Count} segments)");

        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(owner, id, Deadline);
        output.WriteLine(string.Join(" -> ", seen));
        Assert.Equal("Published", TitleApi.Status(title));
        // Published, it plays for those entitled to it (the owner here); a stranger with no plan is told to subscribe.
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/media/titles/{id}/master.m3u8")).StatusCode);
        // The operator sees both moments as histograms (the node's only titles are this collection's).
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var metrics = await admin.GetStringAsync("/metrics");
        foreach (var series in new[] { "media_platform_title_time_to_playable_seconds_count", "media_platform_title_time_to_published_seconds_count" })
            Assert.True(SeriesTotal(metrics, series) >= 1, $"{series} not recorded:\n{string.Join('\n', metrics.Split('\n').Where(l => l.Contains("time_to_")))}");

        var master = await GetTextAsync(owner, $"/media/titles/{id}/master.m3u8");
        foreach (var uri in VariantUris(master).Append("audio.m3u8"))
        {
            var playlist = await GetTextAsync(owner, $"/media/titles/{id}/{uri}");
            Assert.Contains("#EXT-X-PLAYLIST-TYPE:VOD", playlist);
            Assert.Contains("#EXT-X-ENDLIST", playlist);
        }
        // Segments are immutable: what the player got while the title transcoded is what the package serves now, and
        // the package did not store them again (their validator is unchanged, so a cached copy stays valid).
        var final = MediaPlaylistText.Parse(await GetTextAsync(owner, $"/media/titles/{id}/{early.Playlist}"));
        Assert.Equal(grown.Select(g => g.Uri), final.Segments.Take(grown.Count).Select(s => s.Uri));
        foreach (var (uri, earlyBytes, tag) in grown)
        {
            using var published = await owner.GetAsync($"/media/titles/{id}/{uri}");
            var bytes = await published.Content.ReadAsByteArrayAsync();
            Assert.True(earlyBytes.SequenceEqual(bytes), $"{uri} changed between the early playlist and the published package");
            Assert.Equal(tag, published.Headers.ETag?.Tag);
        }

        // The top rung, as a player downloads it, holds every frame of the source once.
        using var folder = new TempDirectory("playable");
        var top = VariantUris(master).Last();
        var rung = MediaPlaylistText.Parse(await GetTextAsync(owner, $"/media/titles/{id}/{top}"));
        var joined = Path.Combine(folder.Path, "top.mp4");
        await using (var file = File.Create(joined))
            foreach (var part in rung.Segments.Select(s => s.Uri).Prepend(rung.InitUri!))
                await file.WriteAsync(await owner.GetByteArrayAsync($"/media/titles/{id}/{part}"));
        var sourcePath = Path.Combine(folder.Path, "source.mp4");
        await File.WriteAllBytesAsync(sourcePath, source);
        var expected = (await new PacketScanner().ScanAsync(sourcePath)).FrameCount;
        Assert.Equal(expected, (await new PacketScanner().ScanAsync(joined)).FrameCount);
    }

    private static double SeriesTotal(string metrics, string series) => metrics.Split('\n')
        .Where(l => l.StartsWith(series, StringComparison.Ordinal) && (l.Length == series.Length || l[series.Length] is ' ' or '{'))
        .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    private sealed record EarlyPlayback(double Percent, string Playlist, string PlaylistText, System.Net.Http.Headers.CacheControlHeaderValue? PlaylistCaching,
        IReadOnlyList<string> Segments, IReadOnlyList<byte[]> SegmentBytes, IReadOnlyList<string?> SegmentTags);

    /// <summary>Polls the title until its master is served while it is still Transcoding; fails if it gets past that first.</summary>
    private static async Task<EarlyPlayback> FirstPlayableAsync(HttpClient owner, string id)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            var title = await TitleApi.GetAsync(owner, id);
            var status = TitleApi.Status(title);
            Assert.True(status is "SourceUploaded" or "Probing" or "Probed" or "Transcoding",
                $"title {id} got to {status} before any of it was served while transcoding");
            var master = await owner.GetAsync($"/media/titles/{id}/master.m3u8");
            if (status == "Transcoding" && title.GetProperty("playable").GetBoolean())
                Assert.Equal(HttpStatusCode.OK, master.StatusCode); // said playable: its master is served
            if (status == "Transcoding" && master.StatusCode == HttpStatusCode.OK)
            {
                var uri = VariantUris(await master.Content.ReadAsStringAsync()).First();
                var response = await owner.GetAsync($"/media/titles/{id}/{uri}");
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"GET {uri}: {(int)response.StatusCode} {text}");
                var playlist = MediaPlaylistText.Parse(text);
                Assert.NotEmpty(playlist.Segments);
                Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/media/titles/{id}/{playlist.InitUri}")).StatusCode);
                var segments = new List<byte[]>();
                var tags = new List<string?>();
                foreach (var (segmentUri, _) in playlist.Segments)
                {
                    using var segment = await owner.GetAsync($"/media/titles/{id}/{segmentUri}");
                    segments.Add(await segment.Content.ReadAsByteArrayAsync());
                    tags.Add(segment.Headers.ETag?.Tag);
                }
                var percent = title.GetProperty("progress").GetProperty("percent").GetDouble();
                return new EarlyPlayback(percent, uri, text, response.Headers.CacheControl,
                    playlist.Segments.Select(s => s.Uri).ToList(), segments, tags);
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"title {id} was never served while transcoding");
    }

    /// <summary>
    /// Every segment of the early playlist, fetched once as it appears, until the title is no longer Transcoding: what
    /// a player watching from the start gets.
    /// </summary>
    private static async Task<List<(string Uri, byte[] Bytes, string? Tag)>> SegmentsWhileTranscodingAsync(HttpClient owner, string id, EarlyPlayback early)
    {
        var got = early.Segments.Select((uri, i) => (uri, early.SegmentBytes[i], early.SegmentTags[i])).ToList();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline && TitleApi.Status(await TitleApi.GetAsync(owner, id)) == "Transcoding")
        {
            var response = await owner.GetAsync($"/media/titles/{id}/{early.Playlist}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && !text.Contains("#EXT-X-ENDLIST", StringComparison.Ordinal))
            {
                var playlist = MediaPlaylistText.Parse(text);
                Assert.Equal(got.Select(g => g.uri), playlist.Segments.Take(got.Count).Select(s => s.Uri)); // it only grows
                foreach (var (uri, _) in playlist.Segments.Skip(got.Count))
                {
                    using var segment = await owner.GetAsync($"/media/titles/{id}/{uri}");
                    Assert.Equal(HttpStatusCode.OK, segment.StatusCode);
                    got.Add((uri, await segment.Content.ReadAsByteArrayAsync(), segment.Headers.ETag?.Tag));
                }
            }
            await Task.Delay(200);
        }
        return got;
    }

    private static IEnumerable<string> VariantUris(string master)
    {
        var lines = master.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
            if (lines[i].StartsWith("#EXT-X-STREAM-INF:", StringComparison.Ordinal)) yield return lines[i + 1].Trim();
    }

    private static async Task<string> GetTextAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
