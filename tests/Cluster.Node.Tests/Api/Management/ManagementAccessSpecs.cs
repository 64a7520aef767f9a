using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Management;

/// <summary>
/// The management API lists entity ids (emails, coupon codes, payment keys): every family of it, reads included,
/// answers only the admin token; health, bootstrap and the OpenAPI document stay open.
/// </summary>
public sealed class ManagementAccessSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    public static readonly TheoryData<string> ManagementReads = new()
    {
        "/cluster/members", "/cluster/sharding", "/cluster/shards/user", "/cluster/singletons", "/cluster/transcode-queue",
        "/cluster/events", "/actors/hierarchy", "/remote/associations", "/scheduler/jobs", "/cluster/encodes/timeline", "/cluster/projections",
    };

    [Theory]
    [MemberData(nameof(ManagementReads))]
    public async Task Anonymous_and_user_reads_of_management_routes_must_be_refused_and_the_admin_token_must_be_served(string path)
    {
        var node = fixture.Node;
        using var anonymous = await GetAsync(node.Http, path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("admin token", await anonymous.Content.ReadAsStringAsync());

        using var user = node.ClientWithToken(await UserTokenAsync(node.Http));
        using var asUser = await GetAsync(user, path);
        Assert.Equal(HttpStatusCode.Forbidden, asUser.StatusCode);

        using var admin = node.ClientWithToken(TestNode.AdminToken);
        using var asAdmin = await GetAsync(admin, path);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/bootstrap/seed-nodes")]
    [InlineData("/openapi/v1.json")]
    public async Task Health_bootstrap_and_openapi_must_stay_open(string path)
    {
        using var response = await fixture.Node.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Headers only: /cluster/events streams until the client goes away.</summary>
    internal static Task<HttpResponseMessage> GetAsync(HttpClient http, string path) =>
        http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

    internal static async Task<string> UserTokenAsync(HttpClient http)
    {
        return (await new ApiClient(http).NewUserAsync("mgmt", "Mgmt")).Token;
    }
}
