using Akka.Actor;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// Two whole nodes in this process forming one cluster, both exporting traces to one <see cref="OtlpReceiver"/>, at a
/// sample ratio of 0: only uploads and requests whose caller sends a sampled traceparent are traced.
/// </summary>
public sealed class TracingClusterFixture : IAsyncLifetime
{
    public OtlpReceiver Collector { get; private set; } = null!;
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public HttpClient Client(int node) => new() { BaseAddress = Cluster.BaseAddresses[node], Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>The node's Akka address, as its entities' spans name it (akka.node).</summary>
    public string AkkaAddress(int node) => ((ExtendedActorSystem)Cluster.System(node)).Provider.DefaultAddress.ToString();

    public async Task InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        Cluster = await InProcessNodeCluster.StartAsync(2, "traced", extraArgs: ["--otlp-endpoint", Collector.BaseAddress.ToString(), "--trace-sample-ratio", "0"]);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
        if (Collector is not null) await Collector.DisposeAsync();
    }
}
