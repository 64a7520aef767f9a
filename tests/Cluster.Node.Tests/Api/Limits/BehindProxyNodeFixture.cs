using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Limits;

/// <summary>
/// A node with the shipped rate limits behind a trusted proxy (127.0.0.1, the test itself): each spec claims its own
/// client address in X-Forwarded-For, so every spec has its own budgets on one shared node.
/// </summary>
public sealed class BehindProxyNodeFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var config = Path.Combine(_dir.Path, "proxy.hocon");
        await File.WriteAllTextAsync(config, "media-platform.security.trusted-proxies = [\"127.0.0.1\"]");
        Node = await TestNode.StartWithShippedLimitsAsync("--config", config);
    }

    /// <summary>A client that the node sees as <paramref name="clientAddress"/>, with the token when given.</summary>
    public HttpClient ClientAt(string clientAddress, string? token = null)
    {
        var client = token is null ? new HttpClient { BaseAddress = Node.Http.BaseAddress } : Node.ClientWithToken(token);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _dir.Dispose();
    }
}
