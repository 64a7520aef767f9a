using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// A freshly signed-up, logged-in user of a test node, optionally with a card, and the billing calls the specs
/// make as plain HTTP (raw responses, so the specs assert status codes and bodies themselves).
/// </summary>
public sealed class BillingApiClient : IDisposable
{
    /// <summary>Cards the built-in gateway treats by their last four digits (GatewayRules).</summary>
    public const string ApprovingCard = "4242424242424242", DecliningCard = "4000000000000002", SilentCard = "4000000000000119";

    private BillingApiClient(string userId, HttpClient http) => (UserId, Http) = (userId, http);

    public string UserId { get; }
    public HttpClient Http { get; }
    public string Billing => $"/api/users/{UserId}/billing";

    public static async Task<BillingApiClient> SignUpAsync(TestNode node, string? cardNumber = ApprovingCard)
    {
        var user = await node.Api.NewUserAsync("billing", "Payer");
        var client = new BillingApiClient(user.UserId, node.ClientWithToken(user.Token));
        if (cardNumber is not null) await client.AddCardAsync(cardNumber, makeDefault: true);
        return client;
    }

    /// <summary>Adds a card (copied to the billing account when it becomes the default); returns its id.</summary>
    public async Task<string> AddCardAsync(string number, bool makeDefault)
    {
        var response = await new ApiClient(Http).AddCardAsync(UserId, number, makeDefault);
        return (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("cardId").GetString()!;
    }

    /// <summary>A request with an optional JSON body and an optional Idempotency-Key.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? key = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SubscribeAsync(string planId, string? key) =>
        SendAsync(HttpMethod.Post, $"{Billing}/subscription", new { planId }, key);

    public Task<HttpResponseMessage> ChangePlanAsync(string planId, string? key) =>
        SendAsync(HttpMethod.Put, $"{Billing}/subscription", new { planId }, key);

    public Task<HttpResponseMessage> OrderTitleAsync(string? titleId, string? key) =>
        SendAsync(HttpMethod.Post, $"{Billing}/orders", new { titleId }, key);

    public Task<HttpResponseMessage> CancelPaymentAsync(string key) => Http.PostAsync($"{Billing}/payments/{key}/cancel", null);

    public Task<HttpResponseMessage> PayAsync(string invoiceId, string? key) =>
        SendAsync(HttpMethod.Post, $"{Billing}/invoices/{invoiceId}/payments", key: key);

    public Task<HttpResponseMessage> ApplyCouponAsync(string invoiceId, string code, string? key) =>
        SendAsync(HttpMethod.Post, $"{Billing}/invoices/{invoiceId}/coupon", new { code }, key);

    /// <summary>Subscribes with a new key and returns the invoice of the order.</summary>
    public async Task<JsonElement> SubscribedInvoiceAsync(string planId = "standard") =>
        (await JsonAsync(await SubscribeAsync(planId, NewKey()), HttpStatusCode.Created)).GetProperty("invoice");

    /// <summary>Orders a title with a new key and returns the invoice's id.</summary>
    public async Task<string> TitleInvoiceIdAsync(string titleId) =>
        (await JsonAsync(await OrderTitleAsync(titleId, NewKey()), HttpStatusCode.Created)).GetProperty("invoice").GetProperty("invoiceId").GetString()!;

    public async Task<JsonElement> GetAsync(string path) => await JsonAsync(await Http.GetAsync(path), HttpStatusCode.OK);

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>The body as JSON, after checking the status (the body is in the message when it is not the expected one).</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}
