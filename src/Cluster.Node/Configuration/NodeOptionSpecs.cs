namespace MediaPlatform.Node.Configuration;

/// <summary>The table of every flag the node accepts; --help and the parser are both driven by it.</summary>
public static class NodeOptionSpecs
{
    public static readonly OptionSpec Help = new("--help", "", null, "Print this help and exit.", IsSwitch: true);
    public static readonly OptionSpec ClusterName = new("--cluster-name", "NODE_CLUSTER_NAME", "media", "Actor system name; every node of one cluster must use the same.");
    public static readonly OptionSpec NodeName = new("--node-name", "NODE_NAME", "<hostname>-<remote-port>", "Name shown in logs and in /cluster/members.");
    public static readonly OptionSpec Hostname = new("--hostname", "NODE_HOSTNAME", "127.0.0.1", "Address remoting binds to.");
    public static readonly OptionSpec PublicHostname = new("--public-hostname", "NODE_PUBLIC_HOSTNAME", "<hostname>", "Address other nodes use to reach this one (e.g. the pod IP).");
    public static readonly OptionSpec RemotePort = new("--remote-port", "NODE_REMOTE_PORT", "4053", "Akka remoting TCP port (0 = any free port).");
    public static readonly OptionSpec HttpPort = new("--http-port", "NODE_HTTP_PORT", "8080", "HTTP port: API, health, cluster management and bootstrap contact point.");
    public static readonly OptionSpec Seeds = new("--seed-nodes", "NODE_SEED_NODES", "(none)", "Comma-separated seed addresses akka.tcp://<cluster>@host:port (akka.ssl.tcp:// with --remote-tls-certificate). Empty and no discovery: the node forms a cluster of its own.");
    public static readonly OptionSpec Roles = new("--roles", "NODE_ROLES", "(none)", "Comma-separated cluster roles of this node.");
    public static readonly OptionSpec Discovery = new("--discovery", "NODE_DISCOVERY", "none", "Cluster bootstrap: none (use --seed-nodes), config (use --contact-points) or kubernetes.");
    public static readonly OptionSpec ContactPoints = new("--contact-points", "NODE_CONTACT_POINTS", "(none)", "With --discovery config: comma-separated host:http-port of every node, identical on all nodes.");
    public static readonly OptionSpec RequiredContactPoints = new("--required-contact-points", "NODE_REQUIRED_CONTACT_POINTS", "<number of contact points>", "Contact points that must be seen before a new cluster is formed.");
    public static readonly OptionSpec ServiceName = new("--service-name", "NODE_SERVICE_NAME", "media", "Service name looked up by discovery.");
    public static readonly OptionSpec PodSelector = new("--pod-label-selector", "NODE_POD_LABEL_SELECTOR", "app={0}", "With --discovery kubernetes: label selector of the cluster's pods ({0} = service name).");
    public static readonly OptionSpec DataDir = new("--data-dir", "NODE_DATA_DIR", "./data", "Directory for this node's data (created if missing, must be writable).");
    public static readonly OptionSpec BlobDir = new("--blob-dir", "NODE_BLOB_DIR", "<data-dir>/blobs", "Blob store directory (uploads, subtitles, HLS renditions); local nodes share one so every node serves every title.");
    public static readonly OptionSpec WorkDir = new("--work-dir", "NODE_WORK_DIR", "<blob-dir>/.transcode", "Transcode work directory (source chunks and encodes while a title is transcoded); every node of the cluster must see the same one.");
    public static readonly OptionSpec SqliteFile = new("--sqlite-file", "NODE_SQLITE_FILE", "<data-dir>/journal.db", "SQLite journal file used when no PostgreSQL connection string is given; local nodes may share one.");
    public static readonly OptionSpec Postgres = new("--postgres", "NODE_POSTGRES", "(none: SQLite)", "PostgreSQL connection string (Npgsql form); when set, the journal and snapshots go there.");
    public static readonly OptionSpec ConfigDir = new("--config-dir", "NODE_CONFIG_DIR", "<binary dir>/config", "Directory holding akka.hocon and the other shared HOCON files.");
    public static readonly OptionSpec ConfigFile = new("--config", "NODE_CONFIG", "(none)", "Extra HOCON file layered over config/*.hocon (flags still win).");
    public static readonly OptionSpec TokenKey = new("--token-key", "NODE_TOKEN_KEY", "(none: a random key per process for a cluster of one; required with seeds or discovery)", "Secret that signs user tokens; the same on every node, at least 32 characters. Prefer the variable or --token-key-file: flags show in ps.");
    public static readonly OptionSpec TokenKeyFile = new("--token-key-file", "NODE_TOKEN_KEY_FILE", "(none)", "File holding the token key (content trimmed); instead of --token-key.");
    public static readonly OptionSpec PreviousTokenKeys = new("--previous-token-keys", "NODE_PREVIOUS_TOKEN_KEYS", "(none)", "Comma-separated retired token keys that still verify tokens (key rotation); new tokens are signed with --token-key only.");
    public static readonly OptionSpec PreviousTokenKeysFile = new("--previous-token-keys-file", "NODE_PREVIOUS_TOKEN_KEYS_FILE", "(none)", "File holding the retired token keys (comma- or line-separated); instead of --previous-token-keys.");
    public static readonly OptionSpec AdminToken = new("--admin-token", "NODE_ADMIN_TOKEN", "(none: admin routes refused)", "Bearer token that grants the admin role (coupons, cluster mutations); at least 16 characters. Prefer the variable or --admin-token-file.");
    public static readonly OptionSpec AdminTokenFile = new("--admin-token-file", "NODE_ADMIN_TOKEN_FILE", "(none)", "File holding the admin token (content trimmed); instead of --admin-token.");
    public static readonly OptionSpec ManagementMutations = new("--management-mutations", "NODE_MANAGEMENT_MUTATIONS", "off", "Allow the management API's mutating routes (join, leave, down; admin token still required). Variable: on/off.", IsSwitch: true);
    public static readonly OptionSpec RemoteTlsCertificate = new("--remote-tls-certificate", "NODE_REMOTE_TLS_CERTIFICATE", "(none: remoting in plain TCP, private network only)", "PKCS#12 file of the cluster's remoting certificate, the same on every node: remoting then uses mutual TLS and accepts only peers presenting it.");
    public static readonly OptionSpec RemoteTlsCertificatePasswordFile = new("--remote-tls-certificate-password-file", "NODE_REMOTE_TLS_CERTIFICATE_PASSWORD_FILE", "(none)", "File holding the certificate's password (or set NODE_REMOTE_TLS_CERTIFICATE_PASSWORD; never on the command line).");
    public static readonly OptionSpec ManagementPort = new("--management-port", "NODE_MANAGEMENT_PORT", "(none: on the HTTP port)", "Serve the management API (/cluster, /actors, /remote, /scheduler; admin token) only on this port; the HTTP port then answers 404 for it. /health answers on both ports; /bootstrap stays on the HTTP port the contact points name.");
    public static readonly OptionSpec GrpcPort = new("--grpc-port", "NODE_GRPC_PORT", "(none: no gRPC)", "Serve the gRPC services (title catalog lookups, entitlement checks; bearer token) on this port over HTTP/2 without TLS (h2c); only gRPC is answered there.");
    public static readonly OptionSpec EdgePort = new("--edge-port", "NODE_EDGE_PORT", "(none)", "A second HTTP port, for a load balancer: open only from the moment this node is first ready until it drains (SIGUSR1 or SIGTERM), so the balancer's connections are refused (and sent to another node) rather than lost while it starts or leaves; the same routes as the HTTP port.");
    public static readonly OptionSpec LogLevel = new("--log-level", "NODE_LOG_LEVEL", "Information", "Minimum log level: Trace, Debug, Information, Warning, Error.");
    public static readonly OptionSpec OtlpEndpoint = new("--otlp-endpoint", "NODE_OTLP_ENDPOINT", "(none: no traces leave the node)", "OTLP/HTTP collector base URL (e.g. http://collector:4318) the node exports traces to: API requests, entity handling and journal writes (across nodes), upload pipelines.");
    public static readonly OptionSpec TraceSampleRatio = new("--trace-sample-ratio", "NODE_TRACE_SAMPLE_RATIO", "0.1", "Share of API requests traced when --otlp-endpoint is set, 0 to 1, by trace id (every node keeps or drops the same traces). Uploads are always traced, and a request whose caller sent a sampled traceparent is traced whatever the ratio.");
    public static readonly OptionSpec LogFormat = new("--log-format", "NODE_LOG_FORMAT", "text", "Log format on stdout: text (one line per entry) or json (one JSON object per line: time, level, node, category, message, exception, trace_id, span_id).");

    public static readonly IReadOnlyList<OptionSpec> All =
    [
        Help, ClusterName, NodeName, Hostname, PublicHostname, RemotePort, HttpPort, Seeds, Roles, Discovery,
        ContactPoints, RequiredContactPoints, ServiceName, PodSelector, DataDir, BlobDir, WorkDir, SqliteFile, Postgres, ConfigDir,
        ConfigFile, TokenKey, TokenKeyFile, PreviousTokenKeys, PreviousTokenKeysFile, AdminToken, AdminTokenFile, ManagementMutations, ManagementPort, GrpcPort, EdgePort,
        RemoteTlsCertificate, RemoteTlsCertificatePasswordFile, LogLevel, LogFormat, OtlpEndpoint, TraceSampleRatio,
    ];
}
