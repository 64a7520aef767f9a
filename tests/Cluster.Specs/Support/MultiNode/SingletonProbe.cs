using Akka.Actor;

using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Specs.Support.MultiNode;

/// <summary>
/// Where a cluster singleton runs: every node has its manager at /user/{name}; only on the node that hosts the
/// singleton does the manager have it as a child of the same name (as Akka.Cluster.Hosting names them).
/// </summary>
public static class SingletonProbe
{
    public static async Task<bool> RunsOnAsync(ActorSystem node, string singletonName, TimeSpan timeout)
    {
        try
        {
            await node.ActorSelection($"/user/{singletonName}/{singletonName}").ResolveOne(timeout);
            return true;
        }
        catch (Exception e) when (e is ActorNotFoundException || node.WhenTerminated.IsCompleted)
        {
            return false; // not here, or the node stopped while we asked
        }
    }

    /// <summary>The live nodes on which the singleton runs now (more than one would be a split brain).</summary>
    public static async Task<IReadOnlyList<NodeActorHost>> HostsAsync(IEnumerable<NodeActorHost> nodes, string singletonName)
    {
        var live = nodes.Where(n => !n.IsTerminated).ToList();
        var runs = await Task.WhenAll(live.Select(n => RunsOnAsync(n.System, singletonName, TimeSpan.FromSeconds(1))));
        return live.Where((_, i) => runs[i]).ToList();
    }
}
