using Akka.Configuration;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Loads the shared HOCON files in a fixed order (later files win) plus the operator's optional --config file.
/// The order is explicit rather than a directory glob so that a stray file cannot change behaviour.
/// </summary>
public static class NodeHocon
{
    /// <summary>Shared files, lowest priority first.</summary>
    public static readonly IReadOnlyList<string> Files = ["akka.hocon", "serialization.hocon", "persistence.hocon", "bootstrap.hocon"];

    public static Config Load(string configDirectory, string? extraFile)
    {
        var config = Config.Empty;
        foreach (var name in Files)
            config = Parse(Path.Combine(configDirectory, name), required: name == "akka.hocon").WithFallback(config);
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
