using System.Net;
using System.Net.Sockets;
using MediaPlatform.Node.Health;
using MediaPlatform.Node.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Node.Tests.Edge;

/// <summary>
/// The balancer's port (--edge-port) on a real node: open once the node is ready; from the moment it drains, a new
/// connection is refused (the balancer sends that request to another node, nothing having been sent) while a
/// keep-alive connection made before is still answered — with `Connection: close`, so the balancer, not the node,
/// closes it. A node of its own: it is drained for good.
/// </summary>
public sealed class EdgePortSpecs
{
    [Fact]
    public async Task A_draining_node_refuses_new_edge_connections_and_answers_open_ones_with_connection_close()
    {
        var edgePort = FreePorts.Next();
        await using var node = await TestNode.StartAsync("--edge-port", edgePort.ToString());
        using var balancer = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{edgePort}/"),
        };

        // Open once ready; the same routes as the HTTP port, on a connection kept alive.
        await Eventually.AwaitAssertAsync(async () =>
        {
            using var ready = await balancer.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }, TimeSpan.FromSeconds(30));
        using (var before = await balancer.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.NotEqual(true, before.Headers.ConnectionClose);
        }

        node.Services.GetRequiredService<NodeDrain>().Begin("spec");

        await Eventually.AwaitAsync(() => ConnectIsRefused(edgePort), TimeSpan.FromSeconds(10), "a new connection to the edge port refused");
        using var onOpenConnection = await balancer.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, onOpenConnection.StatusCode);
        Assert.True(onOpenConnection.Headers.ConnectionClose, "a draining node's answer must tell the balancer to close the connection");
        using var direct = await node.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, direct.StatusCode);
    }

    private static bool ConnectIsRefused(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
    }
}
