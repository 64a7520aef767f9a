using System.Text;
using Akka.Actor;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Reads <see cref="NodeOptions"/> from flags (--name value or --name=value) and environment variables; a flag
/// wins over its variable. Checks formats only; whether a port is free or the database answers is
/// <see cref="StartupChecks"/>' job.
/// </summary>
public static class NodeOptionsParser
{
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    /// <summary>Returns null when --help was asked for.</summary>
    public static NodeOptions? Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment, string baseDirectory)
    {
        var flags = ReadFlags(args);
        if (flags.ContainsKey(NodeOptionSpecs.Help.Flag)) return null;

        string? Get(OptionSpec spec) =>
            flags.TryGetValue(spec.Flag, out var v) ? v
            : environment.TryGetValue(spec.EnvVar, out var e) && !string.IsNullOrWhiteSpace(e) ? e.Trim()
            : null;

        var clusterName = Get(NodeOptionSpecs.ClusterName) ?? "media";
        if (!ActorPath.IsValidPathElement(clusterName) || clusterName.Contains('.'))
            throw new OptionsException($"{NodeOptionSpecs.ClusterName.Flag} '{clusterName}' is not a valid actor system name (letters, digits, '-' and '_')");

        var hostname = Get(NodeOptionSpecs.Hostname) ?? "127.0.0.1";
        var publicHostname = Get(NodeOptionSpecs.PublicHostname) ?? hostname;
        var remotePort = Port(NodeOptionSpecs.RemotePort, Get(NodeOptionSpecs.RemotePort) ?? "4053", allowZero: true);
        var httpPort = Port(NodeOptionSpecs.HttpPort, Get(NodeOptionSpecs.HttpPort) ?? "8080", allowZero: false);
        if (remotePort == httpPort)
            throw new OptionsException($"{NodeOptionSpecs.RemotePort.Flag} and {NodeOptionSpecs.HttpPort.Flag} are both {httpPort}; they must differ");

        var tlsCertificate = Get(NodeOptionSpecs.RemoteTlsCertificate) is { } certificate ? Path.GetFullPath(certificate) : null;
        var tlsPassword = RemoteTlsPassword(Get(NodeOptionSpecs.RemoteTlsCertificatePasswordFile), environment);
        if (tlsPassword is not null && tlsCertificate is null)
            throw new OptionsException($"a remoting certificate password was given without {NodeOptionSpecs.RemoteTlsCertificate.Flag}");
        var scheme = tlsCertificate is null ? "akka.tcp" : "akka.ssl.tcp";
        int? managementPort = Get(NodeOptionSpecs.ManagementPort) is { } mp
            ? Port(NodeOptionSpecs.ManagementPort, mp, allowZero: false)
            : null;
        if (managementPort == httpPort || managementPort == remotePort)
            throw new OptionsException($"{NodeOptionSpecs.ManagementPort.Flag} {managementPort} must differ from {NodeOptionSpecs.HttpPort.Flag} and {NodeOptionSpecs.RemotePort.Flag}");

        int? grpcPort = Get(NodeOptionSpecs.GrpcPort) is { } gp ? Port(NodeOptionSpecs.GrpcPort, gp, allowZero: false) : null;
        if (grpcPort is not null && (grpcPort == httpPort || grpcPort == remotePort || grpcPort == managementPort))
            throw new OptionsException($"{NodeOptionSpecs.GrpcPort.Flag} {grpcPort} must differ from {NodeOptionSpecs.HttpPort.Flag}, {NodeOptionSpecs.RemotePort.Flag} and {NodeOptionSpecs.ManagementPort.Flag}");

        int? edgePort = Get(NodeOptionSpecs.EdgePort) is { } ep ? Port(NodeOptionSpecs.EdgePort, ep, allowZero: false) : null;
        if (edgePort is not null && (edgePort == httpPort || edgePort == remotePort || edgePort == managementPort || edgePort == grpcPort))
            throw new OptionsException($"{NodeOptionSpecs.EdgePort.Flag} {edgePort} must differ from {NodeOptionSpecs.HttpPort.Flag}, {NodeOptionSpecs.RemotePort.Flag}, {NodeOptionSpecs.ManagementPort.Flag} and {NodeOptionSpecs.GrpcPort.Flag}");

        var seeds = List(Get(NodeOptionSpecs.Seeds));
        foreach (var seed in seeds) ValidateSeed(seed, clusterName, scheme);

        var discovery = Get(NodeOptionSpecs.Discovery)?.ToLowerInvariant() switch
        {
            null or "none" => DiscoveryMode.None,
            "config" => DiscoveryMode.Config,
            "kubernetes" => DiscoveryMode.Kubernetes,
            var other => throw new OptionsException($"{NodeOptionSpecs.Discovery.Flag} '{other}' is not one of: none, config, kubernetes"),
        };
        var contactPoints = List(Get(NodeOptionSpecs.ContactPoints));
        foreach (var cp in contactPoints) ValidateContactPoint(cp);
        if (discovery == DiscoveryMode.Config && contactPoints.Count == 0)
            throw new OptionsException($"{NodeOptionSpecs.Discovery.Flag} config needs {NodeOptionSpecs.ContactPoints.Flag} (host:http-port of every node)");
        if (discovery != DiscoveryMode.None && seeds.Count > 0)
            throw new OptionsException($"{NodeOptionSpecs.Seeds.Flag} and {NodeOptionSpecs.Discovery.Flag} {discovery.ToString().ToLowerInvariant()} exclude each other: static seeds make bootstrap stand down");

        var requiredText = Get(NodeOptionSpecs.RequiredContactPoints);
        var required = requiredText is null
            ? Math.Max(1, discovery == DiscoveryMode.Config ? contactPoints.Count : 2)
            : PositiveInt(NodeOptionSpecs.RequiredContactPoints, requiredText);
        if (discovery == DiscoveryMode.Config && required > contactPoints.Count)
            throw new OptionsException($"{NodeOptionSpecs.RequiredContactPoints.Flag} {required} is more than the {contactPoints.Count} contact points given");

        var serviceName = Get(NodeOptionSpecs.ServiceName) ?? "media";
        var dataDir = Path.GetFullPath(Get(NodeOptionSpecs.DataDir) ?? "./data");
        var blobDir = Path.GetFullPath(Get(NodeOptionSpecs.BlobDir) ?? Path.Combine(dataDir, "blobs"));
        var workDir = Path.GetFullPath(Get(NodeOptionSpecs.WorkDir) ?? Path.Combine(blobDir, ".transcode"));
        var sqliteFile = Path.GetFullPath(Get(NodeOptionSpecs.SqliteFile) ?? Path.Combine(dataDir, "journal.db"));
        var logLevel = Get(NodeOptionSpecs.LogLevel) ?? "Information";
        var canonicalLevel = LogLevels.FirstOrDefault(l => l.Equals(logLevel, StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionsException($"{NodeOptionSpecs.LogLevel.Flag} '{logLevel}' is not one of: {string.Join(", ", LogLevels)}");

        var logFormat = (Get(NodeOptionSpecs.LogFormat) ?? "text").ToLowerInvariant() switch
        {
            "text" => Logging.NodeLogFormat.Text,
            "json" => Logging.NodeLogFormat.Json,
            var other => throw new OptionsException($"{NodeOptionSpecs.LogFormat.Flag} '{other}' is not one of: text, json"),
        };

        Uri? otlpEndpoint = null;
        if (Get(NodeOptionSpecs.OtlpEndpoint) is { } otlp)
        {
            if (!Uri.TryCreate(otlp, UriKind.Absolute, out otlpEndpoint) || otlpEndpoint.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(otlpEndpoint.UserInfo))
                throw new OptionsException($"{NodeOptionSpecs.OtlpEndpoint.Flag} '{otlp}' is not an http(s) URL like http://collector:4318 (credentials do not belong in it)");
        }

        var traceSampleRatio = 0.1;
        if (Get(NodeOptionSpecs.TraceSampleRatio) is { } ratioText
            && (!double.TryParse(ratioText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out traceSampleRatio)
                || traceSampleRatio is < 0 or > 1 || double.IsNaN(traceSampleRatio)))
            throw new OptionsException($"{NodeOptionSpecs.TraceSampleRatio.Flag} '{ratioText}' is not a number from 0 to 1 (e.g. 0.1 traces one request in ten)");

        var tokenKey = SecretOptions.Read(NodeOptionSpecs.TokenKey, NodeOptionSpecs.TokenKeyFile, Get, SecretOptions.MinTokenKeyLength);
        var previousKeys = SecretOptions.ReadList(NodeOptionSpecs.PreviousTokenKeys, NodeOptionSpecs.PreviousTokenKeysFile, Get, SecretOptions.MinTokenKeyLength);
        var joinsOthers = seeds.Count > 0 || discovery != DiscoveryMode.None;
        if (tokenKey is null && joinsOthers) throw SecretOptions.MissingClusterKey();
        var adminToken = SecretOptions.Read(NodeOptionSpecs.AdminToken, NodeOptionSpecs.AdminTokenFile, Get, SecretOptions.MinAdminTokenLength);

        var mutations = Get(NodeOptionSpecs.ManagementMutations)?.ToLowerInvariant() switch
        {
            null or "off" or "false" or "0" => false,
            "on" or "true" or "1" => true,
            var other => throw new OptionsException($"{NodeOptionSpecs.ManagementMutations.Flag} '{other}' is not on or off"),
        };

        return new NodeOptions
        {
            ClusterName = clusterName,
            NodeName = Get(NodeOptionSpecs.NodeName) ?? $"{publicHostname}-{remotePort}",
            Hostname = hostname,
            PublicHostname = publicHostname,
            RemotePort = remotePort,
            HttpPort = httpPort,
            SeedNodes = seeds,
            Roles = List(Get(NodeOptionSpecs.Roles)),
            Discovery = discovery,
            ContactPoints = contactPoints,
            RequiredContactPoints = required,
            ServiceName = serviceName,
            KubernetesPodSelector = string.Format(Get(NodeOptionSpecs.PodSelector) ?? "app={0}", serviceName),
            DataDirectory = dataDir,
            BlobDirectory = blobDir,
            WorkDirectory = workDir,
            SqliteFile = sqliteFile,
            PostgresConnectionString = Get(NodeOptionSpecs.Postgres),
            ConfigDirectory = Path.GetFullPath(Get(NodeOptionSpecs.ConfigDir) ?? Path.Combine(baseDirectory, "config")),
            ExtraConfigFile = Get(NodeOptionSpecs.ConfigFile) is { } f ? Path.GetFullPath(f) : null,
            LogLevel = canonicalLevel,
            LogFormat = logFormat,
            OtlpEndpoint = otlpEndpoint,
            TraceSampleRatio = traceSampleRatio,
            TokenKey = tokenKey ?? SecretOptions.RandomKey(),
            TokenKeyGenerated = tokenKey is null,
            PreviousTokenKeys = previousKeys,
            AdminToken = adminToken,
            ManagementMutations = mutations,
            RemoteTlsCertificateFile = tlsCertificate,
            RemoteTlsCertificatePassword = tlsPassword,
            ManagementPort = managementPort,
            GrpcPort = grpcPort,
            EdgePort = edgePort,
        };
    }

    /// <summary>The --help text: every flag with its environment variable and default.</summary>
    public static string HelpText()
    {
        var sb = new StringBuilder();
        sb.AppendLine("Cluster.Node: one node of the media platform cluster (HTTP API + Akka.NET cluster member).");
        sb.AppendLine();
        sb.AppendLine("Usage: Cluster.Node [--flag value | --flag=value]...");
        sb.AppendLine("Every flag can also be set through its environment variable; the flag wins when both are given.");
        sb.AppendLine();
        var width = NodeOptionSpecs.All.Max(s => s.Flag.Length) + 2;
        var envWidth = NodeOptionSpecs.All.Max(s => s.EnvVar.Length) + 2;
        sb.Append("  ").Append("FLAG".PadRight(width)).Append("ENVIRONMENT".PadRight(envWidth)).AppendLine("DEFAULT / MEANING");
        foreach (var spec in NodeOptionSpecs.All)
        {
            sb.Append("  ").Append(spec.Flag.PadRight(width)).Append((spec.EnvVar == "" ? "-" : spec.EnvVar).PadRight(envWidth))
              .AppendLine(spec.Default is null ? spec.Help : $"[{spec.Default}] {spec.Help}");
        }
        sb.AppendLine();
        sb.AppendLine("Akka tuning (remote, cluster, split-brain resolver, sharding, persistence, dispatchers) lives in");
        sb.AppendLine("config/*.hocon next to the binary; --config FILE layers an extra HOCON file on top.");
        return sb.ToString();
    }

    private static Dictionary<string, string> ReadFlags(IReadOnlyList<string> args)
    {
        var known = NodeOptionSpecs.All.ToDictionary(s => s.Flag, StringComparer.Ordinal);
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?") arg = NodeOptionSpecs.Help.Flag;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                throw new OptionsException($"unexpected argument '{arg}' (flags start with --; see --help)");
            var eq = arg.IndexOf('=');
            var name = eq > 0 ? arg[..eq] : arg;
            if (!known.TryGetValue(name, out var spec))
                throw new OptionsException($"unknown flag '{name}' (see --help)");
            if (spec.IsSwitch) { flags[name] = "true"; continue; }
            string value;
            if (eq > 0) value = arg[(eq + 1)..];
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            else throw new OptionsException($"flag '{name}' needs a value (see --help)");
            flags[name] = value.Trim();
        }
        return flags;
    }

    private static List<string> List(string? csv) =>
        string.IsNullOrWhiteSpace(csv) ? [] : csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static int Port(OptionSpec spec, string text, bool allowZero)
    {
        if (!int.TryParse(text, out var port) || port < (allowZero ? 0 : 1) || port > 65535)
            throw new OptionsException($"{spec.Flag} '{text}' is not a port number ({(allowZero ? 0 : 1)}-65535)");
        return port;
    }

    private static int PositiveInt(OptionSpec spec, string text) =>
        int.TryParse(text, out var n) && n > 0 ? n : throw new OptionsException($"{spec.Flag} '{text}' is not a positive whole number");

    /// <summary>Environment variable holding the remoting certificate's password itself (a flag would show it in ps).</summary>
    public const string RemoteTlsPasswordVariable = "NODE_REMOTE_TLS_CERTIFICATE_PASSWORD";

    private static string? RemoteTlsPassword(string? passwordFile, IReadOnlyDictionary<string, string?> environment)
    {
        if (passwordFile is null)
            return environment.TryGetValue(RemoteTlsPasswordVariable, out var p) && !string.IsNullOrEmpty(p) ? p : null;
        try
        {
            // Only the trailing newline an editor or `echo` adds is dropped; the rest is the password as written.
            return File.ReadAllText(passwordFile).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OptionsException($"{NodeOptionSpecs.RemoteTlsCertificatePasswordFile.Flag} '{passwordFile}' cannot be read: {e.Message}");
        }
    }

    private static void ValidateSeed(string seed, string clusterName, string scheme)
    {
        Address address;
        try
        {
            if (!seed.StartsWith($"{scheme}://", StringComparison.Ordinal)) throw new FormatException();
            address = Address.Parse(seed);
        }
        catch (Exception e) when (e is FormatException or UriFormatException or ArgumentException)
        {
            throw new OptionsException($"seed node '{seed}' is not an address like {scheme}://{clusterName}@host:port");
        }
        if (address.Host is null || address.Port is null or <= 0)
            throw new OptionsException($"seed node '{seed}' has no host:port (expected {scheme}://{clusterName}@host:port)");
        if (address.System != clusterName)
            throw new OptionsException($"seed node '{seed}' names system '{address.System}' but this cluster is '{clusterName}'");
    }

    private static void ValidateContactPoint(string contactPoint)
    {
        var colon = contactPoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(contactPoint[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new OptionsException($"contact point '{contactPoint}' is not host:port");
    }
}
