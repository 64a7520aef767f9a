using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// A published title's poster as a browser gets it: listed in the title's JSON and in the listing, served to anyone
/// as a JPEG that never changes (immutable, with a validator), and — as ffprobe reads it, not our code — one frame
/// of the sharpest rung's size (at most 1280 px wide).
/// </summary>
internal static class PosterChecks
{
    public static async Task AssertServedAsync(HttpClient owner, HttpClient anonymous, JsonElement title, int expectedWidth, int expectedHeight)
    {
        var id = TitleApi.Id(title);
        var url = title.GetProperty("posterUrl").GetString();
        Assert.Equal($"/media/titles/{id}/poster.jpg", url);
        // The listing reads a catalog that follows the journal within about a second.
        await Eventually.AwaitAssertAsync(async () =>
        {
            var listed = (await owner.GetFromJsonAsync<JsonElement>("/api/titles?status=published&limit=100"))
                .GetProperty("titles").EnumerateArray().Single(t => t.GetProperty("titleId").GetString() == id);
            Assert.Equal(url, listed.GetProperty("posterUrl").GetString());
        }, TimeSpan.FromSeconds(15));

        var response = await anonymous.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);

        using var folder = new TempDirectory("poster");
        var path = folder.Combine("poster.jpg");
        await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync());
        var video = await MediaInspection.VideoAsync(path);
        Assert.Equal("mjpeg", video.CodecName);
        Assert.Equal(expectedWidth, video.Width);
        Assert.Equal(expectedHeight, video.Height);
    }
}
