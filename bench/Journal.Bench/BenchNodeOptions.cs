using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// NodeOptions for a bench node. Only the persistence fields and the config directory matter; the cluster fields
/// are placeholders because the bench runs with a local actor provider.
/// </summary>
public static class BenchNodeOptions
{
    public static NodeOptions For(string dataDirectory, string? postgresConnectionString) => new()
    {
        ClusterName = "journal-bench",
        NodeName = "bench",
        Hostname = "127.0.0.1",
        PublicHostname = "127.0.0.1",
        RemotePort = 0,
        HttpPort = 0,
        SeedNodes = [],
        Roles = [],
        Discovery = DiscoveryMode.None,
        ContactPoints = [],
        RequiredContactPoints = 1,
        ServiceName = "journal-bench",
        KubernetesPodSelector = "",
        DataDirectory = dataDirectory,
        SqliteFile = Path.Combine(dataDirectory, "journal.db"),
        PostgresConnectionString = postgresConnectionString,
        ConfigDirectory = BenchPaths.ConfigDirectory,
        ExtraConfigFile = null,
        LogLevel = "WARNING",
    };
}
