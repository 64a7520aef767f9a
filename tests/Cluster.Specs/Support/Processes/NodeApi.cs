using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Specs.Support.Processes;

/// <summary>The public HTTP API of one node, as a client uses it: JSON bodies, bearer tokens, Idempotency-Keys.</summary>
/// <param name="timeout">How long one request may take before it fails (default 30 s).</param>
public sealed class NodeApi(NodeProcess node, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = node.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(30) };

    public NodeProcess Node => node;

    /// <summary>The typed client (sign-up, login, cards) over the same connection.</summary>
    public ApiClient Api => new(_http);

    public sealed record Reply(HttpStatusCode Status, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public Reply Expect(HttpStatusCode status) =>
            Status == status ? this : throw new InvalidOperationException($"expected {(int)status}, got {(int)Status}: {Body}");
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? token = null, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await _http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Signs a user up with a default card and logs in; returns the user id and token.</summary>
    public async Task<(string UserId, string Token)> SignUpWithCardAsync(string name, string cardNumber)
    {
        var user = await Api.NewUserWithCardAsync(cardNumber, name, name);
        return (user.UserId, user.Token);
    }

    public void Dispose() => _http.Dispose();
}
