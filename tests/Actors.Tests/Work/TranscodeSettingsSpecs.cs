using Akka.Configuration;
using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>The encode keys were renamed from "job"; the old names are still read so existing config files keep working.</summary>
public sealed class TranscodeSettingsSpecs
{
    private static TranscodeSettings From(string hocon) => TranscodeSettings.From(ConfigurationFactory.ParseString(hocon), cores: 8);

    [Fact]
    public void The_encode_keys_must_be_read_and_the_old_job_keys_must_still_count_when_the_new_ones_are_left_at_0()
    {
        Assert.Equal((3, 2), (From("max-concurrent-encodes = 3, threads-per-encode = 2") is var s ? (s.MaxConcurrentEncodes, s.ThreadsPerEncode) : default));
        Assert.Equal((4, 1), (From("max-concurrent-jobs = 4, threads-per-job = 1") is var old ? (old.MaxConcurrentEncodes, old.ThreadsPerEncode) : default));
        Assert.Equal(4, From("max-concurrent-encodes = 0, max-concurrent-jobs = 4").MaxConcurrentEncodes); // the shipped default is 0
        Assert.Equal(2, From("max-concurrent-encodes = 2, max-concurrent-jobs = 4").MaxConcurrentEncodes);
        Assert.Equal((8, 1), (From("") is var d ? (d.MaxConcurrentEncodes, d.ThreadsPerEncode) : default));
    }

    [Fact]
    public void The_encode_timeout_must_scale_with_the_chunk_and_refuse_bad_values_naming_the_key()
    {
        Assert.Equal(TimeSpan.FromSeconds(180), From("").EncodeTimeoutFor(TimeSpan.FromSeconds(4)));
        Assert.Equal(TimeSpan.FromSeconds(12), From("encode-timeout-factor = 2, encode-timeout-floor = 2s").EncodeTimeoutFor(TimeSpan.FromSeconds(5)));
        Assert.Contains("encode-timeout-factor", Assert.Throws<ConfigurationException>(() => From("encode-timeout-factor = -1")).Message);
        Assert.Contains("encode-timeout-floor", Assert.Throws<ConfigurationException>(() => From("encode-timeout-floor = 10ms")).Message);
    }

    [Fact]
    public void A_bad_encode_count_must_be_refused_naming_the_new_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => From("max-concurrent-jobs = -1"));
        Assert.Contains("max-concurrent-encodes", e.Message);
    }

    [Fact]
    public void The_look_ahead_must_default_to_one_item_per_slot_and_a_worker_take_its_slots_and_their_queue()
    {
        var defaults = From("max-concurrent-encodes = 2");
        var none = From("max-concurrent-encodes = 2, look-ahead = 0");

        Assert.Equal((1, 4), (defaults.LookAhead, defaults.WorkerCapacity));
        Assert.Equal((0, 2), (none.LookAhead, none.WorkerCapacity));
        Assert.Contains("look-ahead", Assert.Throws<ConfigurationException>(() => From("look-ahead = 5")).Message);
        Assert.Contains("look-ahead", Assert.Throws<ConfigurationException>(() => From("look-ahead = -1")).Message);
    }

    [Fact]
    public void Local_steps_must_default_to_half_the_cores_at_least_one_and_refuse_a_limit_outside_0_to_64()
    {
        Assert.Equal(1, TranscodeSettings.From(ConfigurationFactory.ParseString(""), cores: 1).MaxConcurrentLocalSteps);
        Assert.Equal(4, TranscodeSettings.From(ConfigurationFactory.ParseString(""), cores: 8).MaxConcurrentLocalSteps);
        Assert.Equal(3, TranscodeSettings.From(ConfigurationFactory.ParseString("max-concurrent-local-steps = 3"), cores: 8).MaxConcurrentLocalSteps);
        Assert.Contains("max-concurrent-local-steps", Assert.Throws<ConfigurationException>(() => From("max-concurrent-local-steps = -1")).Message);
        Assert.Contains("max-concurrent-local-steps", Assert.Throws<ConfigurationException>(() => From("max-concurrent-local-steps = 65")).Message);
    }
}
