namespace MediaPlatform.Node.Observability;

/// <summary>
/// Where this node last saw each shard of each region, to tell a shard that moved here (its last known home was
/// another node: that node died or left, or the coordinator rebalanced) from one allocated here for the first time.
/// Fed every few seconds with this node's own shards and, when it answers, the coordinator's view of the cluster.
/// Bounded: one entry per shard id (a fixed number per region).
/// </summary>
public sealed class ShardHomes
{
    private readonly Dictionary<string, Dictionary<string, string>> _homes = new(StringComparer.Ordinal);

    /// <summary>
    /// Records the shards hosted here now and returns how many of them were last seen on another node.
    /// </summary>
    public int ObserveHere(string region, IEnumerable<string> shardsHere, string self)
    {
        var homes = HomesOf(region);
        var movedIn = 0;
        foreach (var shard in shardsHere)
        {
            if (homes.TryGetValue(shard, out var last) && last != self) movedIn++;
            homes[shard] = self;
        }
        return movedIn;
    }

    /// <summary>
    /// Records the cluster's view (shard id → node). A shard it leaves out (its node did not answer, or the shard is
    /// not allocated now) keeps its last known home, so a shard of a dead node still counts as moved when it restarts
    /// here. Shards it places here are left to <see cref="ObserveHere"/>: one that arrived after this node's own
    /// shards were read must still count as moved in on the next read.
    /// </summary>
    public void ObserveCluster(string region, IEnumerable<KeyValuePair<string, string>> homesInCluster, string self)
    {
        var homes = HomesOf(region);
        foreach (var (shard, node) in homesInCluster)
            if (node != self) homes[shard] = node;
    }

    private Dictionary<string, string> HomesOf(string region)
    {
        if (!_homes.TryGetValue(region, out var homes)) _homes[region] = homes = new(StringComparer.Ordinal);
        return homes;
    }
}
