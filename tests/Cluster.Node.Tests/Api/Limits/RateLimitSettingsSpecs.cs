using Akka.Configuration;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Tests.Api.Limits;

/// <summary>The rate-limit settings: the shipped file gives the documented defaults; a bad value names itself.</summary>
public sealed class RateLimitSettingsSpecs
{
    [Fact]
    public void The_shipped_config_must_give_the_defaults()
    {
        var shipped = NodeHocon.Load(Path.Combine(AppContext.BaseDirectory, "config"), null);
        Assert.Equal(RateLimitSettings.Default, RateLimitSettings.From(shipped));
        Assert.Equal(new RateLimitSettings(TimeSpan.FromMinutes(1), 10, 20, 10, 20, 30), RateLimitSettings.Default);
    }

    [Theory]
    [InlineData("sign-ups-per-address = 0", "sign-ups-per-address")]
    [InlineData("logins-per-email = lots", "logins-per-email")]
    [InlineData("window = 0s", "window")]
    [InlineData("uploads-per-address = -3", "uploads-per-address")]
    public void A_bad_value_must_be_refused_naming_the_setting(string line, string key)
    {
        var config = ConfigurationFactory.ParseString($"{RateLimitSettings.Path} {{ {line} }}");
        var e = Assert.Throws<ConfigurationException>(() => RateLimitSettings.From(config));
        Assert.Contains($"{RateLimitSettings.Path}.{key}", e.Message);
    }

    [Fact]
    public void Trusted_proxies_must_default_to_none_and_take_addresses_and_networks()
    {
        var shipped = NodeHocon.Load(Path.Combine(AppContext.BaseDirectory, "config"), null);
        Assert.False(TrustedProxies.From(shipped).Any);
        var proxies = TrustedProxies.From(ConfigurationFactory.ParseString($"{TrustedProxies.Path} = [\"10.0.0.0/8\", \"192.168.1.5\", \"fd00::/8\"]"));
        Assert.Equal(3, proxies.Networks.Count);
        Assert.Contains(proxies.Networks, n => n.Contains(System.Net.IPAddress.Parse("10.1.2.3")));
        Assert.Contains(proxies.Networks, n => n.Contains(System.Net.IPAddress.Parse("192.168.1.5")));
    }

    [Fact]
    public void A_trusted_proxy_that_is_not_an_address_must_be_refused_naming_the_setting()
    {
        var e = Assert.Throws<ConfigurationException>(() =>
            TrustedProxies.From(ConfigurationFactory.ParseString($"{TrustedProxies.Path} = [\"proxy.example.com\"]")));
        Assert.Contains(TrustedProxies.Path, e.Message);
    }
}
