using System.Net;
using System.Net.Sockets;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// The key a client's per-address limits are counted under: an IPv4 address as it is, an IPv6 address by its /64
/// network — one subscriber usually holds a whole /64, so counting single addresses would let it rotate through them.
/// </summary>
public static class ClientPartition
{
    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
