using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Fuzzing;

/// <summary>
/// Bad input at scale: every route of the OpenAPI document gets malformed, oversized, wrongly typed and random
/// requests (path values, bodies, content types, tokens, idempotency keys) from a seeded generator. No answer may
/// be a 5xx, no 4xx may name the node's .NET types or exceptions, and afterwards the node is still ready and serves a
/// valid sign-up.
/// </summary>
public sealed class RequestFuzzerSpecs(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>
{
    private const int RequestsPerRoute = 24;
    // Streams until the client goes away: not a request/response route.
    private static readonly HashSet<string> Skipped = ["/cluster/events"];

    [Fact]
    public async Task Malformed_and_random_requests_to_every_route_must_never_get_a_5xx_and_the_node_must_keep_serving()
    {
        var node = fixture.Node;
        var routes = await RoutesAsync(node.Http);
        Assert.True(routes.Count >= 40, $"expected the whole API in the OpenAPI document, found {routes.Count} routes");
        var userToken = await SignUpAsync(node.Http);
        var random = new Random(20261126);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        using var http = new HttpClient { BaseAddress = node.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        foreach (var (method, template) in routes.Where(r => !Skipped.Contains(r.Template)))
        {
            for (var i = 0; i < RequestsPerRoute; i++)
            {
                var request = FuzzedRequest.Create(random, method, template, userToken, TestNode.AdminToken);
                var status = await SendAsync(http, request, failures);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
        }

        var sent = statuses.Values.Sum();
        output.WriteLine($"{sent} fuzzed requests over {routes.Count - Skipped.Count} routes; statuses: " +
                         string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} 5xx or leaking answers:\n{string.Join('\n', failures.Take(20))}");
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/health/ready")).StatusCode);
        await SignUpAsync(node.Http);
    }

    /// <summary>
    /// The status of the answer. A dropped connection is sent again on a fresh one: Kestrel closes a connection after
    /// refusing a body over its limit, and a pooled connection can be closed under the next request; only a request
    /// that is dropped twice (or answered 5xx) is a failure. 0 stands for "dropped".
    /// </summary>
    private static async Task<int> SendAsync(HttpClient http, FuzzedRequest request, List<string> failures)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var message = request.ToMessage();
                using var fresh = attempt == 1 ? null : new HttpClient { BaseAddress = http.BaseAddress, Timeout = http.Timeout };
                using var response = await (fresh ?? http).SendAsync(message);
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{status} for {request}: {Truncate(await response.Content.ReadAsStringAsync())}");
                else if (status >= 400 && NamesInternals(await response.Content.ReadAsStringAsync()) is { } leak)
                    failures.Add($"{status} for {request} names '{leak}': {Truncate(await response.Content.ReadAsStringAsync())}");
                return status;
            }
            catch (HttpRequestException) when (attempt == 1)
            {
                // sent again, on a new connection
            }
            catch (HttpRequestException e)
            {
                if (request.Body is not { Length: > 64 * 1024 }) failures.Add($"connection dropped twice for {request}: {e.GetBaseException().Message}");
                return 0;
            }
        }
    }

    private static async Task<List<(string Method, string Template)>> RoutesAsync(HttpClient http)
    {
        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var routes = new List<(string, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject())
                routes.Add((operation.Name.ToUpperInvariant(), path.Name));
        return routes;
    }

    private static async Task<string> SignUpAsync(HttpClient http) => (await new ApiClient(http).NewUserAsync("fuzz", "Fuzz")).Token;

    private static string? NamesInternals(string body) =>
        new[] { "System.", "MediaPlatform.", "Microsoft.", "Exception" }.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal));

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
