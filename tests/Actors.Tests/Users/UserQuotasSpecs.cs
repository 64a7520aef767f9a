using Akka.Configuration;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>media-platform.quotas: defaults, operator values, and one clear message for a bad value (checked at start-up).</summary>
public sealed class UserQuotasSpecs
{
    [Fact]
    public void Missing_settings_must_give_the_generous_defaults()
    {
        var quotas = UserQuotas.From(Config.Empty);
        Assert.Equal(UserQuotas.Default, quotas);
        Assert.Equal((20L << 30, 3, TimeSpan.FromHours(4), 1000, 100),
            (quotas.StoredSourceBytes, quotas.TranscodingTitles, quotas.SourceDuration, quotas.Friends, quotas.OpenFriendRequests));
    }

    [Fact]
    public void Operator_values_must_be_read_with_units()
    {
        var quotas = UserQuotas.From(ConfigurationFactory.ParseString("""
            media-platform.quotas { stored-source-bytes = 5 GiB, transcoding-titles = 1, source-duration = 90m, friends = 10, open-friend-requests = 4 }
            """));
        Assert.Equal(new UserQuotas(5L << 30, 1, TimeSpan.FromMinutes(90), 10, 4), quotas);
    }

    [Theory]
    [InlineData("stored-source-bytes = 0", "media-platform.quotas.stored-source-bytes")]
    [InlineData("stored-source-bytes = lots", "media-platform.quotas.stored-source-bytes")]
    [InlineData("transcoding-titles = 0", "media-platform.quotas.transcoding-titles")]
    [InlineData("source-duration = 0s", "media-platform.quotas.source-duration")]
    [InlineData("friends = -1", "media-platform.quotas.friends")]
    [InlineData("open-friend-requests = many", "media-platform.quotas.open-friend-requests")]
    public void A_bad_value_must_fail_with_one_message_naming_the_setting(string setting, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => UserQuotas.From(ConfigurationFactory.ParseString($"media-platform.quotas {{ {setting} }}")));
        Assert.Contains(expected, error.Message);
    }
}
