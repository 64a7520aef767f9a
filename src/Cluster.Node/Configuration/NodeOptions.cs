namespace MediaPlatform.Node.Configuration;

/// <summary>How a node finds the rest of the cluster.</summary>
public enum DiscoveryMode
{
    /// <summary>Join the static seed-node list (or form a cluster of one when the list is empty).</summary>
    None,
    /// <summary>Akka.Management cluster bootstrap over a fixed list of contact points (host:http-port).</summary>
    Config,
    /// <summary>Akka.Management cluster bootstrap over pods found through the Kubernetes API.</summary>
    Kubernetes,
}

/// <summary>
/// A node's identity and deployment knobs, after parsing and validation. Everything that differs between two nodes
/// of one cluster is here; everything they share lives in config/*.hocon.
/// </summary>
public sealed record NodeOptions
{
    public required string ClusterName { get; init; }
    public required string NodeName { get; init; }
    public required string Hostname { get; init; }
    public required string PublicHostname { get; init; }
    public required int RemotePort { get; init; }
    public required int HttpPort { get; init; }
    public required IReadOnlyList<string> SeedNodes { get; init; }
    public required IReadOnlyList<string> Roles { get; init; }
    public required DiscoveryMode Discovery { get; init; }
    public required IReadOnlyList<string> ContactPoints { get; init; }
    public required int RequiredContactPoints { get; init; }
    public required string ServiceName { get; init; }
    public required string KubernetesPodSelector { get; init; }
    public required string DataDirectory { get; init; }
    /// <summary>Root of the directory blob store; one shared directory for the local nodes of a cluster.</summary>
    public required string BlobDirectory { get; init; }

    /// <summary>Where titles being transcoded keep their chunks and encodes; shared by every node (default inside the blob directory).</summary>
    public required string WorkDirectory { get; init; }
    public required string SqliteFile { get; init; }
    public required string? PostgresConnectionString { get; init; }
    public required string ConfigDirectory { get; init; }
    public required string? ExtraConfigFile { get; init; }
    public required string LogLevel { get; init; }
    public required string TokenKey { get; init; }
    public required bool TokenKeyIsDevelopmentDefault { get; init; }
    public required string? AdminToken { get; init; }
    /// <summary>Management API join/leave/down allowed (still admin-token only); off means read-only.</summary>
    public bool ManagementMutations { get; init; }

    /// <summary>When set, management routes are served only on this port (the API port answers 404 for them); null = on the HTTP port.</summary>
    public int? ManagementPort { get; init; }

    /// <summary>This node's working space for transcode jobs; old entries are removed by the scratch-retention job.</summary>
    public string ScratchDirectory => Path.Combine(DataDirectory, "scratch");

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>The remoting address this node will have, e.g. akka.tcp://media@10.0.0.5:4053.</summary>
    public string SelfAddress => $"akka.tcp://{ClusterName}@{PublicHostname}:{RemotePort}";
}
