using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Edge;
using Microsoft.AspNetCore.Connections;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The balancer's port (--edge-port): open while the node is ready and not draining (<see cref="EdgePort"/>), so a
/// rolling restart takes a node out of the balancer and puts it back without reloading it.
/// </summary>
public static class EdgeHosting
{
    public static IServiceCollection AddEdgePort(this IServiceCollection services, NodeOptions options)
    {
        if (options.EdgePort is not { } port) return services;
        services.AddSingleton(new EdgePort(port));
        // Registered after Kestrel's socket transport, so Kestrel asks it first; it binds only the edge port.
        services.AddSingleton<IConnectionListenerFactory, EdgePortListenerFactory>();
        services.AddHostedService<EdgePortOpener>();
        return services;
    }
}
