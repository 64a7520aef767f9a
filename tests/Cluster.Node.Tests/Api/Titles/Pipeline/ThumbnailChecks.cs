using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// A published title's seek-bar preview as a player gets it: the title lists its thumbnail track, the owner gets the
/// track (WebVTT) and its sprite sheets (JPEG), both immutable and private like the HLS files, every cue pointing inside
/// a sheet and the cues covering the whole title; a signed-in stranger and an anonymous visitor get exactly what the
/// master playlist gives them.
/// </summary>
internal static partial class ThumbnailChecks
{
    public static async Task AssertServedAsync(HttpClient owner, TestNode node, JsonElement title, TimeSpan duration)
    {
        var id = TitleApi.Id(title);
        var url = title.GetProperty("thumbnailsUrl").GetString();
        Assert.Equal($"/media/titles/{id}/thumbnails.vtt", url);

        var track = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, track.StatusCode);
        Assert.Equal("text/vtt", track.Content.Headers.ContentType?.MediaType);
        AssertPrivateImmutable(track);
        var text = await track.Content.ReadAsStringAsync();
        var cues = CueRegex().Matches(text).ToList();
        Assert.True(cues.Count >= 2, text);
        Assert.Equal("00:00:00.000", cues[0].Groups[1].Value);
        Assert.Equal(duration.TotalSeconds, Seconds(cues[^1].Groups[2].Value), 0.1);

        var sheets = new Dictionary<string, (int Width, int Height)>();
        foreach (var sheet in cues.Select(c => c.Groups[3].Value).Distinct())
        {
            var response = await owner.GetAsync($"/media/titles/{id}/{sheet}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            AssertPrivateImmutable(response);
            Assert.NotNull(response.Headers.ETag);
            using var folder = new TempDirectory("sprite");
            var path = folder.Combine(sheet);
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
            var image = await Testing.Media.MediaInspection.VideoAsync(path);
            sheets[sheet] = ((int)image.Width!, (int)image.Height!);
        }
        Assert.All(cues, c =>
        {
            var (x, y, w, h) = (int.Parse(c.Groups[4].Value), int.Parse(c.Groups[5].Value), int.Parse(c.Groups[6].Value), int.Parse(c.Groups[7].Value));
            var size = sheets[c.Groups[3].Value];
            Assert.True(x + w <= size.Width && y + h <= size.Height, $"{c.Value} outside {size}");
        });

        // Strangers meet the same door as the HLS files.
        using var stranger = await BillingApiClient.SignUpAsync(node, cardNumber: null);
        foreach (var client in new[] { stranger.Http, node.Http })
        {
            var master = await client.GetAsync(title.GetProperty("playbackUrl").GetString());
            Assert.True(master.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"the master playlist answered {master.StatusCode}");
            foreach (var path in new[] { url!, $"/media/titles/{id}/{sheets.Keys.First()}" })
            {
                var refused = await client.GetAsync(path);
                Assert.Equal(master.StatusCode, refused.StatusCode);
                Assert.Equal(ProblemTitle(await master.Content.ReadAsStringAsync()), ProblemTitle(await refused.Content.ReadAsStringAsync()));
            }
        }
    }

    private static void AssertPrivateImmutable(HttpResponseMessage response)
    {
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Private && !cache.Public, cache.ToString());
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
    }

    private static string? ProblemTitle(string json) => JsonDocument.Parse(json).RootElement.GetProperty("title").GetString();

    private static double Seconds(string stamp) => TimeSpan.ParseExact(stamp, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture).TotalSeconds;

    [GeneratedRegex(@"(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)\n(sprite-\d+\.jpg)#xywh=(\d+),(\d+),(\d+),(\d+)")]
    private static partial Regex CueRegex();
}
