using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

public sealed class NodeHoconSpecs
{
    private static string ConfigDir => Path.Combine(AppContext.BaseDirectory, "config");

    [Fact]
    public void Shared_files_must_set_the_tuning_the_node_relies_on()
    {
        var config = NodeHocon.Load(ConfigDir, null);
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        Assert.Equal("protocol", config.GetString("akka.actor.serialization-bindings.\"MediaPlatform.Actors.Serialization.IProtocolMessage, Actors\""));
        Assert.False(config.GetBoolean("akka.actor.serialization-settings.allow-unregistered-types"));
        Assert.False(config.GetBoolean("akka.coordinated-shutdown.exit-clr"));
        Assert.True(config.HasPath("akka.actor.media-dispatcher"));
    }

    [Fact]
    public void Application_settings_must_come_from_their_own_file_and_akka_hocon_must_hold_only_akka_tuning()
    {
        var akkaOnly = Akka.Configuration.ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(ConfigDir, "akka.hocon")));
        Assert.False(akkaOnly.HasPath("media-platform"));
        var config = NodeHocon.Load(ConfigDir, null);
        Assert.Equal(100, config.GetInt("media-platform.entities.snapshot-every"));
        Assert.Equal(4, config.GetInt("media-platform.pipeline.chunk-seconds"));
        Assert.Equal(1, NodeHocon.Files.ToList().IndexOf("media-platform.hocon"));
    }

    [Fact]
    public void A_config_directory_without_the_application_settings_file_must_be_refused()
    {
        using var dir = new TempDirectory();
        File.Copy(Path.Combine(ConfigDir, "akka.hocon"), Path.Combine(dir.Path, "akka.hocon"));
        var error = Assert.Throws<OptionsException>(() => NodeHocon.Load(dir.Path, null));
        Assert.Contains("media-platform.hocon' is missing", error.Message);
    }

    [Fact]
    public void An_operator_file_must_override_the_shared_files()
    {
        using var dir = new TempDirectory();
        var extra = Path.Combine(dir.Path, "site.hocon");
        File.WriteAllText(extra, "akka.cluster.split-brain-resolver.stable-after = 42s");
        var config = NodeHocon.Load(ConfigDir, extra);
        Assert.Equal(TimeSpan.FromSeconds(42), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
    }

    [Fact]
    public void A_file_that_does_not_parse_must_be_named_in_one_line()
    {
        using var dir = new TempDirectory();
        var extra = Path.Combine(dir.Path, "broken.hocon");
        File.WriteAllText(extra, "akka.cluster.roles = ${undefined.setting}");
        var error = Assert.Throws<OptionsException>(() => NodeHocon.Load(ConfigDir, extra));
        Assert.StartsWith($"HOCON file '{extra}' does not parse", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
