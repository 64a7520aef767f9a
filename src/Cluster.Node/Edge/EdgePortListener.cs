using System.Net;
using Microsoft.AspNetCore.Connections;

namespace MediaPlatform.Node.Edge;

/// <summary>
/// Kestrel's listener for the edge port: binds the real socket only when <see cref="EdgePort"/> opens and closes it
/// when the port closes (the node drains), while the connections it accepted keep being served. Until Kestrel itself
/// unbinds (host shutdown) it reports no end, so Kestrel does not take the port for stopped.
/// </summary>
public sealed class EdgePortListener(IConnectionListenerFactory sockets, EndPoint endPoint, EdgePort port, ILogger log) : IConnectionListener
{
    private readonly TaskCompletionSource _unbound = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IConnectionListener? _socket;

    public EndPoint EndPoint { get; } = endPoint;

    public async ValueTask<ConnectionContext?> AcceptAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is null)
        {
            await Task.WhenAny(port.Opened, _unbound.Task).WaitAsync(cancellationToken);
            if (_unbound.Task.IsCompleted || port.Closed.IsCancellationRequested) return await EndAsync(cancellationToken);
            try
            {
                _socket = await sockets.BindAsync(EndPoint, cancellationToken);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or AddressInUseException)
            {
                log.LogError(e, "The edge port {Port} could not be opened; the balancer will find this node refusing", port.Port);
                return await EndAsync(cancellationToken);
            }
            log.LogInformation("Edge port {Port} open: this node is ready and takes the balancer's connections", port.Port);
            port.Closed.Register(() => _ = CloseSocketAsync());
        }
        // Null once the socket is closed (draining): the accepted connections carry on, no new ones come.
        var connection = await _socket.AcceptAsync(cancellationToken);
        return connection ?? await EndAsync(cancellationToken);
    }

    /// <summary>No more connections, but Kestrel learns of the end only when it unbinds the port itself.</summary>
    private async Task<ConnectionContext?> EndAsync(CancellationToken cancellationToken)
    {
        await _unbound.Task.WaitAsync(cancellationToken);
        return null;
    }

    private async Task CloseSocketAsync()
    {
        if (_socket is null) return;
        await _socket.UnbindAsync();
        log.LogInformation("Edge port {Port} closed (draining): the balancer's new connections are refused and go to other nodes; open ones are answered with Connection: close", port.Port);
    }

    public async ValueTask UnbindAsync(CancellationToken cancellationToken = default)
    {
        _unbound.TrySetResult();
        if (_socket is not null) await _socket.UnbindAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _unbound.TrySetResult();
        if (_socket is not null) await _socket.DisposeAsync();
    }
}
