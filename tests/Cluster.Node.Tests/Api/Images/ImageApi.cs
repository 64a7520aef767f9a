using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Images;

/// <summary>The image routes as the specs call them.</summary>
internal static class ImageApi
{
    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, byte[] bytes, string contentType = "image/jpeg")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PutAsync(path, content);
    }

    public static Task<HttpResponseMessage> PutAvatarAsync(HttpClient client, string userId, byte[] bytes, string contentType = "image/jpeg") =>
        PutAsync(client, $"/api/users/{userId}/avatar", bytes, contentType);

    public static Task<HttpResponseMessage> PutArtworkAsync(HttpClient client, string titleId, byte[] bytes, string contentType = "image/jpeg") =>
        PutAsync(client, $"/api/titles/{titleId}/artwork", bytes, contentType);

    public static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imageId").GetString()!;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string imageId)
    {
        var response = await client.GetAsync($"/api/images/{imageId}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until the image is no longer processing; answers its last view.</summary>
    public static async Task<JsonElement> SettledAsync(HttpClient client, string imageId)
    {
        JsonElement view = default;
        await Eventually.AwaitAssertAsync(async () =>
        {
            view = await GetAsync(client, imageId);
            Assert.NotEqual("Processing", view.GetProperty("status").GetString());
        }, TimeSpan.FromSeconds(60));
        return view;
    }

    public static string Stage(JsonElement view, string stage) => view.GetProperty("stages").GetProperty(stage).GetProperty("status").GetString()!;

    public static IReadOnlyList<string> Tags(JsonElement view) => view.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList();
}
