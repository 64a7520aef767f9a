namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// The node settings of the fault-injection specs: their load orders made-up title ids by the hundred (each a new
/// invoice whose exactly-once storage is audited), and there is no way to publish that many titles without running
/// the media pipeline for each, so these clusters sell any title id at the configured price. Never in production.
/// </summary>
public static class ChaosNodeConfig
{
    private static readonly Lazy<string> File = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "chaos-node.hocon");
        System.IO.File.WriteAllText(path, "media-platform.billing.require-published-title = off\n");
        return path;
    });

    /// <summary>Arguments for <c>NodeProcessCluster.StartAsync</c>; restarts reuse them, so the file stays for the test run.</summary>
    public static IReadOnlyList<string> Arguments => ["--config", File.Value];
}
