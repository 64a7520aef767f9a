using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>A stream as POST /api/live answered it.</summary>
public sealed record CreatedStream(string Id, string Key, string IngestUrl);

/// <summary>Set-up for live specs over HTTP: streams, ingest requests, and broadcast bytes made by ffmpeg.</summary>
public static class LivePeople
{
    public const string KeyHeader = "X-Stream-Key";

    public static async Task<CreatedStream> StreamAsync(PartyUser owner, string title = "Live from the kitchen")
    {
        var created = await owner.Client.PostAsJsonAsync("/api/live", new { title });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)created.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return new CreatedStream(body.GetProperty("id").GetString()!, body.GetProperty("streamKey").GetString()!, body.GetProperty("ingestUrl").GetString()!);
    }

    /// <summary>PUTs <paramref name="content"/> to the stream's ingest on <paramref name="node"/> with <paramref name="key"/> (and a token when given).</summary>
    public static async Task<HttpResponseMessage> IngestAsync(Uri node, string streamId, string? key, HttpContent content, string? token = null)
    {
        using var client = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/live/{streamId}/ingest") { Content = content };
        if (key is not null) request.Headers.Add(KeyHeader, key);
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>An MPEG-TS broadcast of <paramref name="seconds"/> of test picture and tone, keyframe every 2 s.</summary>
    public static Task<byte[]> BroadcastBytesAsync(double seconds) =>
        Clips.BytesAsync("broadcast.ts", [.. ClipArguments.TestPicture(seconds, 320, 240, faststart: false), "-f", "mpegts"]);

    public static async Task<JsonElement> GetAsync(PartyUser user, string streamId)
    {
        var response = await user.Client.GetAsync($"/api/live/{streamId}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<string> StatusAsync(PartyUser user, string streamId) => (await GetAsync(user, streamId)).GetProperty("status").GetString()!;
}
