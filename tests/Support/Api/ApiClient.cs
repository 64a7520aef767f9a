using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Testing.Api;

/// <summary>
/// The public HTTP API as tests and benches call it: sign-up, login, cards, title upload, orders, subscriptions and
/// payments. Raw calls return
/// the response (specs assert on status codes); the "new user" helpers fail loudly with the node's answer.
/// </summary>
public sealed class ApiClient(HttpClient http)
{
    public const string Password = "correct horse battery";

    public HttpClient Http => http;

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public Task<HttpResponseMessage> SignUpAsync(string email, string password, string displayName) =>
        http.PostAsJsonAsync("/api/users", new { email, password, displayName });

    public Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        http.PostAsJsonAsync("/api/sessions", new { email, password });

    /// <summary>Signs a fresh user up and logs them in.</summary>
    public async Task<SignedInUser> NewUserAsync(string prefix = "user", string displayName = "Tester")
    {
        var email = UniqueEmail(prefix);
        using (var created = await SignUpAsync(email, Password, displayName)) await ExpectSuccessAsync(created, "sign-up");
        return await LogInAsync(email, Password);
    }

    /// <summary>Signs a fresh user up, logs them in and gives them a default card (billing uses it at once).</summary>
    public async Task<SignedInUser> NewUserWithCardAsync(string cardNumber, string prefix = "user", string displayName = "Tester")
    {
        var user = await NewUserAsync(prefix, displayName);
        using var asUser = WithToken(user.Token);
        using (var card = await new ApiClient(asUser).AddCardAsync(user.UserId, cardNumber)) await ExpectSuccessAsync(card, "adding a card");
        return user;
    }

    /// <summary>Logs an existing user in.</summary>
    public async Task<SignedInUser> LogInAsync(string email, string password)
    {
        using var login = await LoginAsync(email, password);
        await ExpectSuccessAsync(login, "login");
        var session = await login.Content.ReadFromJsonAsync<JsonElement>();
        return new SignedInUser(session.GetProperty("userId").GetString()!, email, password, session.GetProperty("token").GetString()!);
    }

    /// <summary>A new client on the same node carrying <paramref name="token"/>.</summary>
    public HttpClient WithToken(string token) => Authorized(http.BaseAddress, token);

    /// <summary>A new client for <paramref name="baseAddress"/> carrying <paramref name="token"/>.</summary>
    public static HttpClient Authorized(Uri? baseAddress, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Adds a payment card, valid for three more years, for the token's user (this client must carry it).</summary>
    public Task<HttpResponseMessage> AddCardAsync(string userId, string number, bool makeDefault = true) =>
        http.PostAsJsonAsync($"/api/users/{userId}/cards", new { number, expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 3, makeDefault });

    /// <summary>Subscribes the token's user to a plan; keyed like every billing call.</summary>
    public Task<HttpResponseMessage> SubscribeAsync(string userId, string planId, string? key = null) =>
        SendWithKeyAsync(HttpMethod.Post, $"/api/users/{userId}/billing/subscription", JsonContent.Create(new { planId }), key);

    /// <summary>Creates a title owned by the token's user (this client must carry it).</summary>
    public Task<HttpResponseMessage> CreateTitleAsync(string name, string description = "") =>
        http.PostAsJsonAsync("/api/titles", new { name, description });

    /// <summary>Uploads a title's source video as the raw body.</summary>
    public Task<HttpResponseMessage> UploadSourceAsync(string titleId, byte[] video, string fileName = "clip.mp4")
    {
        var content = new ByteArrayContent(video);
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName };
        return http.PutAsync($"/api/titles/{titleId}/source", content);
    }

    /// <summary>Orders a published title for <paramref name="userId"/>: an order and its invoice. Billing calls carry an
    /// Idempotency-Key (a new one unless given).</summary>
    public Task<HttpResponseMessage> OrderAsync(string userId, string titleId, string? key = null) =>
        SendWithKeyAsync(HttpMethod.Post, $"/api/users/{userId}/billing/orders", JsonContent.Create(new { titleId }), key);

    /// <summary>Pays an open invoice with the account's card.</summary>
    public Task<HttpResponseMessage> PayAsync(string userId, string invoiceId, string? key = null) =>
        SendWithKeyAsync(HttpMethod.Post, $"/api/users/{userId}/billing/invoices/{invoiceId}/payments", null, key);

    private Task<HttpResponseMessage> SendWithKeyAsync(HttpMethod method, string path, HttpContent? content, string? key)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return http.SendAsync(request);
    }

    private static async Task ExpectSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
