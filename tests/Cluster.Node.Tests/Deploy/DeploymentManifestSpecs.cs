using System.Text.RegularExpressions;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Tests.Deploy;

/// <summary>
/// The Kubernetes manifests and Dockerfile cannot be run here (no cluster, no Docker engine), so they are checked
/// against the node: every variable they set is one the node reads, and the settings they give parse into the
/// options the deployment means (Kubernetes discovery on the container port bootstrap probes).
/// </summary>
public sealed partial class DeploymentManifestSpecs
{
    private static readonly string DeployDir = Path.Combine(RepoRoot(), "deploy");

    [Fact]
    public void Every_variable_the_deployment_and_image_set_must_be_one_the_node_reads()
    {
        var known = NodeOptionSpecs.All.Select(s => s.EnvVar).Where(v => v != "").ToHashSet();
        var used = VariableNames(File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml")))
            .Concat(VariableNames(File.ReadAllText(Path.Combine(DeployDir, "Dockerfile")))).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, v => Assert.Contains(v, known));
    }

    [Fact]
    public void The_deployment_settings_must_parse_into_kubernetes_bootstrap_on_the_probed_port()
    {
        var yaml = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml"));
        var options = DeploymentOptions(yaml);

        Assert.Equal(DiscoveryMode.Kubernetes, options.Discovery);
        Assert.Equal("app=media", options.KubernetesPodSelector);
        Assert.True(options.RequiredContactPoints >= 2, "a new cluster must need more than one pod, or each pod could form its own");
        Assert.Matches($@"- name: {ClusterHosting.KubernetesContactPointPortName}\s+containerPort: {options.HttpPort}\b", yaml);
        Assert.Matches($@"- name: remoting\s+containerPort: {options.RemotePort}\b", yaml);
        Assert.Contains("path: /health/ready", yaml);
        Assert.Contains("path: /health/live", yaml);
    }

    [Fact]
    public void The_service_must_publish_the_api_and_grpc_ports_only_and_management_must_be_on_its_own_port()
    {
        var yaml = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml"));
        var service = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "service.yaml"));
        var options = DeploymentOptions(yaml);

        Assert.NotNull(options.ManagementPort);
        Assert.Matches($@"- name: management\s+containerPort: {options.ManagementPort}\b", yaml);
        Assert.NotNull(options.GrpcPort);
        Assert.Matches($@"- name: grpc\s+containerPort: {options.GrpcPort}\b", yaml);
        var published = Regex.Matches(service, @"targetPort: (\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([ClusterHosting.KubernetesContactPointPortName, "grpc"], published);
        Assert.Matches(@"targetPort: grpc\s+appProtocol: kubernetes.io/h2c", service);
    }

    [Fact]
    public void The_blob_directory_must_be_on_the_volume_every_pod_shares()
    {
        var yaml = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml"));
        var storage = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "storage.yaml"));
        var options = DeploymentOptions(yaml);

        // The volume mounted above the blob directory is the claim storage.yaml asks for, and that claim is ReadWriteMany.
        var mounts = Regex.Matches(yaml, @"- name: (\S+)\s+mountPath: (\S+)").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        var shared = mounts.Single(m => options.BlobDirectory.StartsWith(m.Key + "/", StringComparison.Ordinal));
        Assert.Matches($@"- name: {shared.Value}\s+persistentVolumeClaim:\s+claimName: media-blobs", yaml);
        Assert.Contains("name: media-blobs", storage);
        Assert.Contains("- ReadWriteMany", storage);
        Assert.StartsWith(options.BlobDirectory + "/", options.WorkDirectory + "/");
    }

    [Fact]
    public void Remoting_must_use_tls_with_the_certificate_from_its_secret()
    {
        var yaml = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml"));
        var secrets = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "secrets.example.yaml"));
        var options = DeploymentOptions(yaml);
        var env = LiteralValues(yaml);

        Assert.True(options.UsesRemoteTls);
        Assert.StartsWith("akka.ssl.tcp://", options.SelfAddress);
        var mounts = Regex.Matches(yaml, @"- name: (\S+)\s+mountPath: (\S+)").ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);
        foreach (var file in new[] { options.RemoteTlsCertificateFile!, env["NODE_REMOTE_TLS_CERTIFICATE_PASSWORD_FILE"]! })
        {
            var mount = mounts.Single(m => file.StartsWith(m.Key + "/", StringComparison.Ordinal));
            Assert.Matches($@"- name: {mount.Value}\s+secret:\s+secretName: media-remoting-tls", yaml);
            Assert.Contains(Path.GetFileName(file) + ":", secrets);
        }
        Assert.Contains("name: media-remoting-tls", secrets);
    }

    [Fact]
    public void The_journal_tables_must_be_made_by_an_init_container_running_migrate_on_the_same_database()
    {
        var yaml = File.ReadAllText(Path.Combine(DeployDir, "kubernetes", "deployment.yaml"));

        var init = yaml[yaml.IndexOf("initContainers:", StringComparison.Ordinal)..yaml.IndexOf("      containers:", StringComparison.Ordinal)];
        Assert.Contains($"args: [\"{MigrateCommand.Name}\"]", init);
        var image = Regex.Match(init, @"image: (\S+)").Groups[1].Value;
        Assert.Matches($@"- name: node\s+image: {Regex.Escape(image)}", yaml);
        Assert.Matches(@"- name: NODE_POSTGRES\s+valueFrom:\s+secretKeyRef:\s+name: media-node\s+key: postgres", init);
    }

    private static NodeOptions DeploymentOptions(string yaml)
    {
        var env = LiteralValues(yaml);
        // Values the cluster fills in at run time (pod IP, secrets) get stand-ins of the right shape.
        env["NODE_PUBLIC_HOSTNAME"] = "10.1.2.3";
        env["NODE_TOKEN_KEY"] = new string('k', 40);
        env["NODE_ADMIN_TOKEN"] = new string('a', 20);
        env.Remove("NODE_POSTGRES");
        // The password file is on a Secret volume that exists only in the pod.
        env.Remove("NODE_REMOTE_TLS_CERTIFICATE_PASSWORD_FILE");
        env["NODE_REMOTE_TLS_CERTIFICATE_PASSWORD"] = "stand-in";
        return NodeOptionsParser.Parse([], env, AppContext.BaseDirectory)!;
    }

    private static IEnumerable<string> VariableNames(string text) =>
        VariablePattern().Matches(text).Select(m => m.Value).Distinct();

    private static Dictionary<string, string?> LiteralValues(string yaml) =>
        LiteralPattern().Matches(yaml).ToDictionary(m => m.Groups[1].Value, m => (string?)m.Groups[2].Value);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cluster.sln not found above the test binaries");
    }

    [GeneratedRegex(@"\bNODE_[A-Z_]+\b")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"- name: (NODE_[A-Z_]+)\s+value: ""([^""]*)""")]
    private static partial Regex LiteralPattern();
}
