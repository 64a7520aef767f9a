using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// A published title's sampled frames go through the image pipeline: GET /api/images?title= lists at most the node's
/// limit of them, in time order, each complete with its tags and hash; and a frame's near duplicates include the same
/// moment of another title made from the same clip.
/// </summary>
internal static class FrameImageChecks
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <returns>The title's frames once all are complete.</returns>
    public static async Task<IReadOnlyList<JsonElement>> AssertCompleteAsync(HttpClient client, string titleId, int expected)
    {
        List<JsonElement> frames = [];
        await Eventually.AwaitAssertAsync(async () =>
        {
            var listed = await client.GetFromJsonAsync<JsonElement>($"/api/images?title={titleId}");
            Assert.Equal(titleId, listed.GetProperty("titleId").GetString());
            frames = listed.GetProperty("frames").EnumerateArray().ToList();
            Assert.Equal(expected, frames.Count);
            Assert.All(frames, f => Assert.Equal("Complete", f.GetProperty("status").GetString()));
        }, Deadline);
        var seconds = frames.Select(f => f.GetProperty("seconds").GetDouble()).ToList();
        Assert.Equal(seconds.Order(), seconds);
        Assert.Equal(seconds.Count, seconds.Distinct().Count());
        Assert.All(frames, f =>
        {
            var tags = f.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Contains("frame", tags);
            Assert.Contains(tags, t => t is "faces" or "no-faces");
            Assert.Matches("^[0-9a-f]{16}$", f.GetProperty("hash").GetString()!);
        });
        return frames;
    }

    /// <summary>A frame of one title finds the same frame of another title (the same clip) as a near duplicate.</summary>
    public static async Task AssertRepeatedAcrossTitlesAsync(HttpClient client, string frameId, string otherTitleId)
    {
        var similar = await client.GetFromJsonAsync<JsonElement>($"/api/images/{frameId}/similar");
        var found = similar.GetProperty("images").EnumerateArray().ToList();
        Assert.Contains(found, i => i.GetProperty("subjectId").GetString() == otherTitleId && i.GetProperty("kind").GetString() == "Frame");
    }
}
