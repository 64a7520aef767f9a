using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>Three whole nodes in this process forming one cluster (shared journal and blob store), for the cross-node journey.</summary>
public sealed class ThreeNodeClusterFixture : IAsyncLifetime
{
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public HttpClient Client(int node) => new() { BaseAddress = Cluster.BaseAddresses[node], Timeout = TimeSpan.FromMinutes(2) };

    public async Task InitializeAsync() => Cluster = await InProcessNodeCluster.StartAsync(3, "journey");

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}
