using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// NodeOptions for a bench node, parsed from flags exactly as the node parses its own. Only the persistence fields
/// and the config directory matter: the bench runs with a local actor provider.
/// </summary>
public static class BenchNodeOptions
{
    public static NodeOptions For(string dataDirectory, string? postgresConnectionString)
    {
        string[] args =
        [
            "--cluster-name", "journal-bench", "--node-name", "bench", "--remote-port", "0", "--http-port", "1",
            "--data-dir", dataDirectory, "--config-dir", BenchPaths.ConfigDirectory, "--log-level", "Warning",
            .. (postgresConnectionString is null ? Array.Empty<string>() : ["--postgres", postgresConnectionString]),
        ];
        return NodeOptionsParser.Parse(args, new Dictionary<string, string?>(), AppContext.BaseDirectory)!;
    }
}
