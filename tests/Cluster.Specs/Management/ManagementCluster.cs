using Xunit.Abstractions;

namespace MediaPlatform.Specs.Management;

/// <summary>
/// Starts the 3-node spec clusters of the management specs. With mutations on, the split-brain resolver waits two
/// minutes before downing, so a SIGKILLed node stays unreachable until the spec downs it through the API or console.
/// </summary>
public static class ManagementCluster
{
    public static async Task<(NodeProcessCluster Cluster, TempDirectory Config)> StartAsync(ITestOutputHelper output, bool mutations)
    {
        var config = new TempDirectory("mgmt-config");
        var hocon = config.Combine("slow-sbr.hocon");
        await File.WriteAllTextAsync(hocon, "akka.cluster.split-brain-resolver.stable-after = 120s\n");
        string[] extra = mutations ? ["--management-mutations", "--config", hocon] : [];
        try
        {
            var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, ExtraArguments: extra));
            return (cluster, config);
        }
        catch
        {
            config.Dispose();
            throw;
        }
    }

    /// <summary>Every node's own address (akka.tcp://media@127.0.0.1:port), by node.</summary>
    public static async Task<Dictionary<NodeProcess, string>> AddressesAsync(NodeProcessCluster cluster)
    {
        var result = new Dictionary<NodeProcess, string>();
        foreach (var node in cluster.Nodes) result[node] = (await node.GetMembersAsync()).SelfNode;
        return result;
    }
}
