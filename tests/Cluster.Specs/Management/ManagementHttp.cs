using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MediaPlatform.Specs.Management;

/// <summary>HTTP to a node's management API, with or without the admin token, answers read as JSON documents.</summary>
public sealed class ManagementHttp : IDisposable
{
    private readonly HttpClient _http;

    public ManagementHttp(NodeProcess node, string? token = NodeProcessCluster.AdminToken)
    {
        _http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        if (token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Client => _http;

    public static string Member(string address) => "cluster/members/" + Uri.EscapeDataString(address);

    public Task<Answer> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<Answer> PutFormAsync(string path, params (string Key, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = Form(fields) });

    public Task<Answer> PutJsonAsync(string path, string json) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = Json(json) });

    public Task<Answer> PostJsonAsync(string path, string json) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) });

    public Task<Answer> PostFormAsync(string path, params (string Key, string Value)[] fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Form(fields) });

    public Task<Answer> DeleteAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Delete, path));

    public void Dispose() => _http.Dispose();

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
            return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, text);
        }
    }

    private static FormUrlEncodedContent Form((string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

/// <summary>One HTTP answer: status, media type and body.</summary>
public sealed record Answer(HttpStatusCode Status, string? MediaType, JsonElement Json, string Text)
{
    public string? Str(string name) => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Asserts a ProblemDetails with this status; returns its detail.</summary>
    public string AssertProblem(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Text}");
        Assert.Equal("application/problem+json", MediaType);
        Assert.Equal((int)status, Json.GetProperty("status").GetInt32());
        return Json.GetProperty("detail").GetString()!;
    }

    public Answer AssertOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Text}");
        return this;
    }
}
