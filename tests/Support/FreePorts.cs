using System.Net;
using System.Net.Sockets;

namespace MediaPlatform.Testing;

/// <summary>Loopback ports nothing listens on, chosen by the OS; never the same one twice in a process, so two
/// servers started back to back cannot be handed the port the first has not bound yet.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Given.Add(port)) return port;
            }
        }
    }
}
