using Akka.Configuration;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// The node's configuration as loaded once at start-up: the layered HOCON the actor system runs with and the
/// application settings read and checked from it.
/// </summary>
public sealed record NodeConfiguration(Config Hocon, NodeSettings Settings)
{
    /// <summary>Loads config/*.hocon plus the operator's --config file and reads the settings from them.</summary>
    public static NodeConfiguration Load(NodeOptions options) => From(NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));

    public static NodeConfiguration From(Config hocon) => new(hocon, NodeSettings.From(hocon));
}
