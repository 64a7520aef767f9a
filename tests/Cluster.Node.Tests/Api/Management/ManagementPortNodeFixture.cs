using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Management;

/// <summary>A node started with --management-port: management routes are served only on that second port.</summary>
public sealed class ManagementPortNodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;
    public int ManagementPort { get; } = FreePorts.Next();

    public async Task InitializeAsync() => Node = await TestNode.StartAsync("--management-port", ManagementPort.ToString());

    public async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>A client for the management port carrying the token (or none).</summary>
    public HttpClient ManagementClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
