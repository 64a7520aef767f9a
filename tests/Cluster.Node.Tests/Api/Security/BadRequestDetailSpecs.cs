using System.Net;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Browser;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Security;

/// <summary>
/// A malformed request gets a 400 that says in plain words what was wrong (which field, which line) but never names
/// the node's .NET types or exceptions: those tell an attacker what the server runs and how it is built.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BadRequestDetailSpecs(NodeFixture fixture, ITestOutputHelper output)
{
    private HttpClient Http => fixture.Node.Http;

    public static TheoryData<string, string, string?, string> Requests => new()
    {
        { "POST", "/api/users", """{"email": 5, "password": "correct horse battery", "displayName": "A"}""", "$.email" },
        { "POST", "/api/users", """{"email": "a@example.com", "password": "correct horse battery", "displayName": "A", "isAdmin": true}""", "isAdmin" },
        { "POST", "/api/users", "{ not json", "line 1" },
        { "POST", "/api/users", "[1, 2]", "$" },
        { "POST", "/api/users", null, "body" },
        { "POST", "/api/sessions", """{"email": ["a"], "password": {}}""", "$.email" },
        { "GET", "/api/titles?limit=lots", null, "limit" },
        { "POST", "/api/sessions", "\"just a string\"", "$" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_malformed_request_must_be_a_400_that_names_no_internal_type(string method, string path, string? body, string mentions)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        else if (method == "POST") request.Content = new StringContent("", Encoding.UTF8, "application/json");
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {text}");

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        AssertNamesNoInternals(text);
        var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()!;
        Assert.Contains(mentions, detail);
    }

    /// <summary>What no 4xx body may contain.</summary>
    internal static void AssertNamesNoInternals(string body)
    {
        foreach (var leak in new[] { "System.", "MediaPlatform.", "Microsoft.", "Exception", ".NET" })
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"the answer names '{leak}': {body}");
    }
}
