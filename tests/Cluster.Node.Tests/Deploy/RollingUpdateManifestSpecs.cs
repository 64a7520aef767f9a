using System.Text.RegularExpressions;
using MediaPlatform.Node.Health;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Tests.Deploy;

/// <summary>
/// A rolling update on Kubernetes fails no request only if the manifests say so (they cannot be run here): surge
/// before taking a pod away, a readiness gate on cluster membership, a preStop that drains before SIGTERM starts the
/// leave, and a grace period long enough for the drain and the hand-over. Checked as text against the node's own
/// constants.
/// </summary>
public sealed class RollingUpdateManifestSpecs
{
    private static readonly string KubernetesDir = Path.Combine(RepoRoot(), "deploy", "kubernetes");
    private static readonly string Deployment = File.ReadAllText(Path.Combine(KubernetesDir, "deployment.yaml"));

    [Fact]
    public void A_rolling_update_must_start_a_new_pod_before_taking_an_old_one_away()
    {
        Assert.Matches(@"strategy:\s+type: RollingUpdate\s+rollingUpdate:\s+maxUnavailable: 0\s+maxSurge: 1\b", Deployment);
        Assert.True(Seconds("minReadySeconds") > 0, "a new pod must stay ready a while before the next old one goes");
    }

    [Fact]
    public void Readiness_must_gate_on_the_nodes_ready_check_and_drop_a_draining_pod_at_the_first_failed_probe()
    {
        var probe = Block("readinessProbe:");
        Assert.Contains("path: /health/ready", probe);
        Assert.Contains("port: http", probe);
        Assert.Equal(1, Seconds("failureThreshold", probe));
    }

    [Fact]
    public void The_preStop_hook_must_drain_the_node_and_wait_out_the_readiness_probe_before_SIGTERM()
    {
        var preStop = Block("preStop:");
        var command = Regex.Match(preStop, @"command: \[""sh"", ""-c"", ""kill -(\w+) 1 && sleep (\d+)""\]");
        Assert.True(command.Success, $"preStop must signal the node (PID 1) to drain, then sleep:\n{preStop}");
        Assert.Equal(NodeDrain.DrainSignal, SignalNumber(command.Groups[1].Value));
        var sleep = int.Parse(command.Groups[2].Value);
        var probe = Block("readinessProbe:");
        var noticed = Seconds("periodSeconds", probe) * Seconds("failureThreshold", probe);
        Assert.True(sleep >= noticed + 5, $"the preStop sleep ({sleep} s) must outlast the probe noticing the drain ({noticed} s) and the endpoints catching up");

        // PID 1 is the node only with an exec-form entry point.
        var dockerfile = File.ReadAllText(Path.Combine(RepoRoot(), "deploy", "Dockerfile"));
        Assert.Matches(@"(?m)^ENTRYPOINT \[""dotnet"", ""Cluster\.Node\.dll""\]", dockerfile);
    }

    [Fact]
    public void The_grace_period_must_cover_the_drain_and_the_hand_over()
    {
        var sleep = int.Parse(Regex.Match(Block("preStop:"), @"sleep (\d+)").Groups[1].Value);
        var grace = Seconds("terminationGracePeriodSeconds");
        Assert.True(grace >= sleep + WebHosting.ShutdownWindow.TotalSeconds,
            $"terminationGracePeriodSeconds {grace} < preStop {sleep} s + the host's shutdown window {WebHosting.ShutdownWindow.TotalSeconds} s");
    }

    [Fact]
    public void Voluntary_disruptions_must_take_one_pod_at_a_time()
    {
        var service = File.ReadAllText(Path.Combine(KubernetesDir, "service.yaml"));
        Assert.Contains("kind: PodDisruptionBudget", service);
        var budget = service[service.IndexOf("kind: PodDisruptionBudget", StringComparison.Ordinal)..];
        Assert.Matches(@"maxUnavailable: 1\b", budget);
        Assert.Matches(@"matchLabels:\s+app: media", budget);
    }

    /// <summary>The lines under <paramref name="key"/>, as far as they are indented deeper than it.</summary>
    private static string Block(string key)
    {
        var lines = Deployment.Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        Assert.True(at >= 0, $"{key} not found in deployment.yaml");
        var indent = lines[at].Length - lines[at].TrimStart().Length;
        var block = lines.Skip(at + 1).TakeWhile(l => l.Trim() == "" || l.Length - l.TrimStart().Length > indent);
        return string.Join('\n', block);
    }

    private static int Seconds(string key, string? text = null)
    {
        var match = Regex.Match(text ?? Deployment, $@"\b{key}: (\d+)");
        Assert.True(match.Success, $"{key} not set");
        return int.Parse(match.Groups[1].Value);
    }

    private static int SignalNumber(string name) => name switch
    {
        "USR1" => 10,
        "USR2" => 12,
        "TERM" => 15,
        "HUP" => 1,
        _ => throw new InvalidOperationException($"unexpected signal {name}"),
    };

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cluster.sln not found above the test binaries");
    }
}
