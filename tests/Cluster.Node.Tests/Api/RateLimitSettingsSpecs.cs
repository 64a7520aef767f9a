using Akka.Configuration;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Tests.Api;

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
}
