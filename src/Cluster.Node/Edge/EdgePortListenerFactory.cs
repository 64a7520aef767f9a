using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace MediaPlatform.Node.Edge;

/// <summary>
/// Kestrel's transport for the edge port alone (it asks the last registered factory first, and this one binds only
/// that port); every other port is Kestrel's own socket transport as before.
/// </summary>
public sealed class EdgePortListenerFactory(EdgePort port, IOptions<SocketTransportOptions> options, ILoggerFactory loggers)
    : IConnectionListenerFactory, IConnectionListenerFactorySelector
{
    private readonly SocketTransportFactory _sockets = new(options, loggers);

    public bool CanBind(EndPoint endpoint) => endpoint is IPEndPoint ip && ip.Port == port.Port;

    public ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IConnectionListener>(new EdgePortListener(_sockets, endpoint, port, loggers.CreateLogger<EdgePortListener>()));
}
