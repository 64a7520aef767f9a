using System.Net;
using Akka.Configuration;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> names the client, from
/// <c>media-platform.security.trusted-proxies</c> (IP addresses or CIDR networks). Empty by default: the client is
/// the connection's remote address and the header is ignored, since anyone can send it. Behind a load balancer or
/// ingress, list its addresses, or every client shares its rate limits.
/// </summary>
public sealed record TrustedProxies(IReadOnlyList<System.Net.IPNetwork> Networks)
{
    public const string Path = "media-platform.security.trusted-proxies";

    public bool Any => Networks.Count > 0;

    public static TrustedProxies From(Config root)
    {
        if (!root.HasPath(Path)) return new TrustedProxies([]);
        IList<string> entries;
        try { entries = root.GetStringList(Path); }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{Path} must be a list of IP addresses or CIDR networks like [\"10.0.0.0/8\"]");
        }
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            var text = entry.Trim();
            if (System.Net.IPNetwork.TryParse(text, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(text, out var address)) networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            else throw new ConfigurationException($"{Path}: '{entry}' is not an IP address or CIDR network like 10.0.0.0/8");
        }
        return new TrustedProxies(networks);
    }
}
