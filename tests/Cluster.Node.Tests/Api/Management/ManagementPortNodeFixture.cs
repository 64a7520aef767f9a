using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Management;

/// <summary>
/// A node started with --management-port: management routes are served only on that second port. Its metrics are
/// open to anonymous scrapers (media-platform.observability.metrics-anonymous = on), still on that port only.
/// </summary>
public sealed class ManagementPortNodeFixture : IAsyncLifetime
{
    private readonly TempDirectory _config = new();

    public TestNode Node { get; private set; } = null!;
    public int ManagementPort { get; } = FreePorts.Next();

    public async Task InitializeAsync()
    {
        var file = Path.Combine(_config.Path, "anonymous-metrics.hocon");
        await File.WriteAllTextAsync(file, "media-platform.observability.metrics-anonymous = on\n");
        Node = await TestNode.StartAsync("--management-port", ManagementPort.ToString(), "--config", file);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _config.Dispose();
    }

    /// <summary>A client for the management port carrying the token (or none).</summary>
    public HttpClient ManagementClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ManagementPort}/") };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
