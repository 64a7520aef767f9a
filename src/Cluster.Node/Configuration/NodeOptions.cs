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
    /// <summary>--log-format: text lines (default) or JSON objects.</summary>
    public Logging.NodeLogFormat LogFormat { get; init; } = Logging.NodeLogFormat.Text;
    /// <summary>--otlp-endpoint: the OTLP/HTTP collector traces go to; null = no traces are recorded or sent.</summary>
    public Uri? OtlpEndpoint { get; init; }
    /// <summary>--trace-sample-ratio: the share of API requests traced (uploads and sampled callers always are).</summary>
    public double TraceSampleRatio { get; init; } = 0.1;
    /// <summary>The secret new user tokens are signed with (given, or generated for a cluster of one).</summary>
    public required string TokenKey { get; init; }
    /// <summary>No key was configured: this node made a random one, so its tokens die with the process.</summary>
    public required bool TokenKeyGenerated { get; init; }
    /// <summary>Retired keys that still verify tokens during a rotation; nothing is signed with them.</summary>
    public IReadOnlyList<string> PreviousTokenKeys { get; init; } = [];
    public required string? AdminToken { get; init; }
    /// <summary>Management API join/leave/down allowed (still admin-token only); off means read-only.</summary>
    public bool ManagementMutations { get; init; }

    /// <summary>PKCS#12 file of the cluster's remoting certificate; null means remoting in plain TCP.</summary>
    public string? RemoteTlsCertificateFile { get; init; }
    /// <summary>The certificate file's password (from a file or the environment, never argv).</summary>
    public string? RemoteTlsCertificatePassword { get; init; }
    public bool UsesRemoteTls => RemoteTlsCertificateFile is not null;
    /// <summary>When set, management routes are served only on this port (the API port answers 404 for them); null = on the HTTP port.</summary>
    public int? ManagementPort { get; init; }
    /// <summary>When set, the gRPC services answer on this port, HTTP/2 only (h2c); null = no gRPC.</summary>
    public int? GrpcPort { get; init; }
    /// <summary>When set, the port a load balancer sends to: open only while the node is ready and not draining; null = none.</summary>
    public int? EdgePort { get; init; }

    /// <summary>This node's working space for transcode jobs; old entries are removed by the scratch-retention job.</summary>
    public string ScratchDirectory => Path.Combine(DataDirectory, "scratch");

    public bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);

    /// <summary>Secrets stay out of the generated ToString, which logs and exception messages may show.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"NodeName = {NodeName}, SelfAddress = {SelfAddress}, HttpPort = {HttpPort}");
        return true;
    }

    /// <summary>The remoting address this node will have, e.g. akka.tcp://media@10.0.0.5:4053 (akka.ssl.tcp:// with TLS).</summary>
    public string SelfAddress => $"{RemoteScheme}://{ClusterName}@{PublicHostname}:{RemotePort}";

    /// <summary>Akka names TLS remoting addresses akka.ssl.tcp; a seed must use the scheme its node speaks.</summary>
    public string RemoteScheme => UsesRemoteTls ? "akka.ssl.tcp" : "akka.tcp";
}
