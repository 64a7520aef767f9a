using MediaPlatform.Node.Tests.Observability;

namespace MediaPlatform.Node.Tests.Deploy;

/// <summary>
/// deploy/monitoring as Prometheus itself reads it: the scrape config and rules pass promtool, and the alerts fire on
/// the series they are written for (rules.test.yml). The node's own /metrics output is linted in MetricsEndpointSpecs.
/// </summary>
public sealed class MonitoringConfigSpecs
{
    private static readonly string MonitoringDir = Path.Combine(RepoRoot(), "deploy", "monitoring");

    [Fact]
    public async Task The_scrape_config_must_pass_promtool_with_its_token_and_target_files_beside_it()
    {
        // As scripts/cluster.sh --monitoring lays it out: the config, its rules, the token file and the targets.
        using var dir = new TempDirectory("prometheus-config");
        File.Copy(Path.Combine(MonitoringDir, "prometheus.yml"), dir.Combine("prometheus.yml"));
        File.Copy(Path.Combine(MonitoringDir, "rules.yml"), dir.Combine("rules.yml"));
        await File.WriteAllTextAsync(dir.Combine("admin-token"), "test-admin-token-0123456789");
        await File.WriteAllTextAsync(dir.Combine("targets.json"), """[{"targets": ["127.0.0.1:8081", "127.0.0.1:8082"]}]""");

        var check = await Promtool.RunAsync(dir.Path, null, "check", "config", "prometheus.yml");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Contains("1 rule files found", check.Output);
        Assert.Contains("credentials_file: admin-token", await File.ReadAllTextAsync(dir.Combine("prometheus.yml")));
    }

    [Fact]
    public async Task The_rules_must_pass_promtool_and_their_alerts_fire_on_the_series_they_watch()
    {
        var check = await Promtool.RunAsync(MonitoringDir, null, "check", "rules", "rules.yml");
        Assert.True(check.ExitCode == 0, check.Output);
        var test = await Promtool.RunAsync(MonitoringDir, null, "test", "rules", "rules.test.yml");
        Assert.True(test.ExitCode == 0, test.Output);
        foreach (var alert in new[] { "MediaPlatformNodeDown", "MediaPlatformUnreachableMembers", "MediaPlatformApiLatencyHigh",
                     "MediaPlatformPaymentDeclinesHigh", "MediaPlatformEncodesFailing" })
            Assert.Contains($"alert: {alert}", await File.ReadAllTextAsync(Path.Combine(MonitoringDir, "rules.yml")));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cluster.sln not found above the test binaries");
    }
}
