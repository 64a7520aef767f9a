using Akka.Configuration;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Loads the shared HOCON files in a fixed order (later files win) plus the operator's optional --config file.
/// The order is explicit rather than a directory glob so that a stray file cannot change behaviour.
/// </summary>
public static class NodeHocon
{
    /// <summary>Shared files, lowest priority first: Akka tuning, then the application's own media-platform.* settings.</summary>
    public static readonly IReadOnlyList<string> Files = ["akka.hocon", "media-platform.hocon", "serialization.hocon", "persistence.hocon", "bootstrap.hocon"];

    /// <summary>Files a node cannot run without; the others may be absent.</summary>
    private static readonly IReadOnlySet<string> Required = new HashSet<string> { "akka.hocon", "media-platform.hocon" };

    public static Config Load(string configDirectory, string? extraFile)
    {
        var config = Config.Empty;
        foreach (var name in Files)
            config = Parse(Path.Combine(configDirectory, name), required: Required.Contains(name)).WithFallback(config);
        if (extraFile is not null)
            config = Parse(extraFile, required: true).WithFallback(config);
        return config;
    }

    private static Config Parse(string path, bool required)
    {
        if (!File.Exists(path))
            return required ? throw new OptionsException($"HOCON file '{path}' is missing") : Config.Empty;
        try
        {
            return ConfigurationFactory.ParseString(File.ReadAllText(path));
        }
        catch (Exception e) when (e is not OptionsException)
        {
            throw new OptionsException($"HOCON file '{path}' does not parse: {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }
}
