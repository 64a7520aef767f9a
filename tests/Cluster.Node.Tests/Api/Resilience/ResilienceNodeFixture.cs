using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Resilience;

/// <summary>
/// A node whose resilience limits are small enough to reach in a spec, set the way an operator would (--config): the
/// payment gateway times out after 1 s and its circuit opens after 3 silent calls for 3 s; at most 8 API requests in flight.
/// </summary>
public sealed class ResilienceNodeFixture : IAsyncLifetime
{
    public const int BreakerMaxFailures = 3;
    public const int MaxInFlight = 8;
    public static readonly TimeSpan GatewayTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan BreakerResetTimeout = TimeSpan.FromSeconds(3);
    private readonly TempDirectory _configDir = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var hocon = Path.Combine(_configDir.Path, "resilience.hocon");
        await File.WriteAllTextAsync(hocon, $$"""
            media-platform.api.in-flight.max = {{MaxInFlight}}
            media-platform.billing.gateway {
              timeout = {{GatewayTimeout.TotalSeconds}}s
              breaker { max-failures = {{BreakerMaxFailures}}, reset-timeout = {{BreakerResetTimeout.TotalSeconds}}s }
            }
            """);
        Node = await TestNode.StartAsync("--config", hocon);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _configDir.Dispose();
    }
}
