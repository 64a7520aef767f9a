using System.Net;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Management;

/// <summary>
/// With --management-port a load balancer can publish the API port alone: management routes are not found there
/// (whatever Host header the caller sends), and answer the admin token on the management port.
/// </summary>
public sealed class ManagementPortSpecs(ManagementPortNodeFixture fixture) : IClassFixture<ManagementPortNodeFixture>
{
    [Theory]
    [InlineData("/cluster/members")]
    [InlineData("/actors/hierarchy")]
    [InlineData("/remote/associations")]
    [InlineData("/scheduler/jobs")]
    [InlineData("/metrics")]
    public async Task Management_routes_on_the_api_port_must_be_not_found_even_with_the_admin_token(string path)
    {
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        using var response = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        // The Host header is the caller's to choose: naming the management port in it must not help.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, path);
        spoofed.Headers.Host = $"127.0.0.1:{fixture.ManagementPort}";
        using var spoofedResponse = await admin.SendAsync(spoofed);
        Assert.Equal(HttpStatusCode.NotFound, spoofedResponse.StatusCode);
    }

    [Fact]
    public async Task The_management_port_must_serve_management_to_the_admin_token_only()
    {
        using var admin = fixture.ManagementClient(TestNode.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/cluster/members")).StatusCode);
        using var anonymous = fixture.ManagementClient(token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/cluster/members")).StatusCode);
    }

    [Fact]
    public async Task Metrics_opened_to_anonymous_scrapers_answer_on_the_management_port()
    {
        using var anonymous = fixture.ManagementClient(token: null);
        using var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("media_platform_cluster_members", await response.Content.ReadAsStringAsync());
        using var onApiPort = await fixture.Node.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, onApiPort.StatusCode);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/bootstrap/seed-nodes")]
    public async Task Health_and_bootstrap_must_stay_on_the_api_port(string path) =>
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Http.GetAsync(path)).StatusCode);

    [Fact]
    public async Task Health_must_answer_on_the_management_port_too()
    {
        using var anonymous = fixture.ManagementClient(token: null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
    }
}
