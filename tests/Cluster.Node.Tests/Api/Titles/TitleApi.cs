using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>Calls of the titles API the specs share.</summary>
internal static class TitleApi
{
    public static async Task<JsonElement> CreateAsync(HttpClient client, string name, string description = "", string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/titles") { Content = JsonContent.Create(new { name, description }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Id(JsonElement title) => title.GetProperty("titleId").GetString()!;

    public static string Status(JsonElement title) => title.GetProperty("status").GetString()!;

    public static Task<HttpResponseMessage> UploadSourceAsync(HttpClient client, string titleId, byte[] bytes, string? fileName = "clip.mp4", bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        if (fileName is not null) content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        return client.PutAsync($"/api/titles/{titleId}/source", content);
    }

    public static Task<HttpResponseMessage> UploadSubtitlesAsync(HttpClient client, string titleId, string language, string text) =>
        client.PutAsync($"/api/titles/{titleId}/subtitles/{language}", new StringContent(text, System.Text.Encoding.UTF8, "text/vtt"));

    public static async Task<JsonElement> GetAsync(HttpClient client, string titleId)
    {
        var response = await client.GetAsync($"/api/titles/{titleId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A body whose length is not known up front, so it is sent chunked and only the server's reading can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
