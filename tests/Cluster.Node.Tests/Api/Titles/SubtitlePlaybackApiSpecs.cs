using System.Net;
using MediaPlatform.Testing;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// A published title's subtitle tracks served as HLS WebVTT renditions under /media/titles, on the small package
/// <see cref="PlaybackSetup"/> writes (one 2 s video segment). The whole pipeline with exact cue times is in
/// TitlePipelineApiSpecs.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class SubtitlePlaybackApiSpecs(TitlesNodeFixture fixture)
{
    private HttpClient Anonymous => fixture.Node.Http;

    [Fact]
    public async Task A_track_uploaded_after_publishing_must_be_listed_in_the_master_and_served_as_WebVTT()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(owner, "Subtitled later"));
        await new PlaybackSetup(fixture).PublishAsync(owner, id);
        Assert.Equal(PlaybackSetup.Master, await owner.GetStringAsync($"/media/titles/{id}/master.m3u8"));

        Assert.Equal(HttpStatusCode.OK, (await UploadSubtitlesAsync(owner, id, "fr", "1\n00:00:00,250 --> 00:00:01,750\nBonjour & salut\n")).StatusCode);

        var master = "";
        await Eventually.AwaitAssertAsync(async () =>
        {
            master = await owner.GetStringAsync($"/media/titles/{id}/master.m3u8");
            Assert.Contains("TYPE=SUBTITLES", master);
        }, TimeSpan.FromSeconds(15));
        var media = master.Split('\n').Single(l => l.StartsWith("#EXT-X-MEDIA:TYPE=SUBTITLES"));
        Assert.Contains("GROUP-ID=\"subs\"", media);
        Assert.Contains("NAME=\"Français\"", media);
        Assert.Contains("LANGUAGE=\"fr\"", media);
        Assert.Contains("DEFAULT=NO,AUTOSELECT=YES", media);
        Assert.EndsWith("SUBTITLES=\"subs\"", master.Split('\n').Single(l => l.StartsWith("#EXT-X-STREAM-INF:")));
        var uri = media[(media.IndexOf("URI=\"", StringComparison.Ordinal) + 5)..^1];
        Assert.Matches("^subtitles/fr/[0-9a-f]{32}/index.m3u8$", uri);

        // Subtitle renditions are entitled like the video: not for anonymous viewers.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync($"/media/titles/{id}/{uri}")).StatusCode);
        var playlist = await owner.GetAsync($"/media/titles/{id}/{uri}");
        Assert.Equal(HttpStatusCode.OK, playlist.StatusCode);
        Assert.Equal("application/vnd.apple.mpegurl", playlist.Content.Headers.ContentType!.MediaType);
        var lines = (await playlist.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("#EXTINF:2.000000,", lines); // the video's one segment
        Assert.Contains("#EXT-X-ENDLIST", lines);
        var segment = lines.Single(l => l.EndsWith(".vtt"));

        var vtt = await owner.GetAsync($"/media/titles/{id}/{uri[..uri.LastIndexOf('/')]}/{segment}");
        Assert.Equal(HttpStatusCode.OK, vtt.StatusCode);
        Assert.Equal("text/vtt", vtt.Content.Headers.ContentType!.MediaType);
        Assert.Contains(vtt.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        Assert.Equal("WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:0,LOCAL:00:00:00.000\n\n00:00:00.250 --> 00:00:01.750\nBonjour &amp; salut\n\n",
            await vtt.Content.ReadAsStringAsync());

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/titles/{id}/master.m3u8");
        again.Headers.TryAddWithoutValidation("If-None-Match", (await owner.GetAsync($"/media/titles/{id}/master.m3u8")).Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, (await owner.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Subtitle_paths_that_name_no_track_or_segment_of_the_title_must_be_404()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(owner, "Subtitle paths"));
        await UploadSubtitlesAsync(owner, id, "en", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
        await new PlaybackSetup(fixture).PublishAsync(owner, id);
        var master = await owner.GetStringAsync($"/media/titles/{id}/master.m3u8");
        var uri = master.Split('\n').Single(l => l.StartsWith("#EXT-X-MEDIA:TYPE=SUBTITLES")).Split("URI=\"")[1].TrimEnd('"');
        var folder = uri[..uri.LastIndexOf('/')];
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/media/titles/{id}/{folder}/00000.vtt")).StatusCode);

        foreach (var path in new[]
                 {
                     $"{folder}/00001.vtt", // one video segment, so one subtitle segment
                     $"{folder}/0.vtt",
                     $"{folder}/99999999.vtt",
                     folder.Replace("/en/", "/fr/") + "/index.m3u8",
                     $"subtitles/en/{new string('0', 32)}/index.m3u8",
                     $"subtitles/EN/{folder.Split('/')[2]}/index.m3u8",
                     $"{folder}/index.vtt",
                 })
            Assert.True((await owner.GetAsync($"/media/titles/{id}/{path}")).StatusCode == HttpStatusCode.NotFound, path);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.GetAsync($"/media/titles/{id}/subtitles/en/..%2F..%2Fsource/index.m3u8")).StatusCode);

        var (_, other) = await fixture.NewUserAsync();
        var unpublished = Id(await CreateAsync(other, "Not yet"));
        await UploadSubtitlesAsync(other, unpublished, "en", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n");
        Assert.Equal(HttpStatusCode.NotFound, (await Anonymous.GetAsync($"/media/titles/{unpublished}/{folder}/index.m3u8")).StatusCode);
    }
}
