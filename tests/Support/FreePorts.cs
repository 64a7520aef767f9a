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

    /// <summary>The first of <paramref name="count"/> consecutive free loopback ports (for scripts that number their
    /// nodes' ports from a base, like scripts/cluster.sh).</summary>
    public static int NextRun(int count)
    {
        lock (Given)
        {
            while (true)
            {
                var first = Next();
                if (first + count > 65535) continue;
                var rest = Enumerable.Range(first + 1, count - 1).ToList();
                if (rest.Any(Given.Contains) || !rest.All(Bindable)) continue;
                foreach (var port in rest) Given.Add(port);
                return first;
            }
        }
    }

    private static bool Bindable(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
