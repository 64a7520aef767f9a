using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

/// <summary>
/// The command line reads every media-platform.* setting before building anything: a bad value exits 2 (bad
/// configuration) without starting the host, also for the settings that used to fail only when their actor started.
/// </summary>
public sealed class NodeCommandSettingsSpecs
{
    [Theory]
    [InlineData("media-platform.entities.snapshot-every = 0")]
    [InlineData("media-platform.friends.redeliver-every = -1s")]
    [InlineData("media-platform.billing.gateway.timeout = 0s")]
    [InlineData("media-platform.images.face-cascade = \"/nowhere/cascade.xml\"")]
    public async Task A_bad_entity_setting_must_exit_with_bad_configuration_before_the_host_is_built(string hocon)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "bad.hocon");
        await File.WriteAllTextAsync(file, hocon);
        var built = false;
        var code = await NodeCommand.RunAsync(
        [
            "--hostname", "127.0.0.1", "--data-dir", Path.Combine(dir.Path, "data"), "--http-port", FreePorts.Next().ToString(),
            "--remote-port", FreePorts.Next().ToString(), "--config", file,
        ], (_, _) => { built = true; throw new InvalidOperationException("must not be built"); });
        Assert.Equal(NodeCommand.ExitBadConfiguration, code);
        Assert.False(built);
    }
}
