using System.Net;
using MediaPlatform.Node.Api.Limits;

namespace MediaPlatform.Node.Tests.Api.Limits;

/// <summary>Which addresses share one per-address rate-limit budget.</summary>
public sealed class ClientPartitionSpecs
{
    [Fact]
    public void Addresses_of_one_ipv6_64_network_must_share_a_budget_and_ipv4_addresses_must_not()
    {
        Assert.Equal(ClientPartition.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Of(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));
        Assert.NotEqual(ClientPartition.Of(IPAddress.Parse("2001:db8:1:2::1")), ClientPartition.Of(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.NotEqual(ClientPartition.Of(IPAddress.Parse("192.0.2.1")), ClientPartition.Of(IPAddress.Parse("192.0.2.2")));
        Assert.Equal("192.0.2.1", ClientPartition.Of(IPAddress.Parse("::ffff:192.0.2.1")));
        Assert.Equal("unknown", ClientPartition.Of(null));
    }
}
