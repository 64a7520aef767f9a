using MediaPlatform.Node.Observability;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>What counts as a shard that moved here: it was last seen on another node, never a first allocation here.</summary>
public sealed class ShardHomesSpecs
{
    private const string Self = "akka.tcp://media@127.0.0.1:4001";
    private const string Other = "akka.tcp://media@127.0.0.1:4002";
    private const string Region = "billing-account";

    [Fact]
    public void A_shard_allocated_here_first_is_not_a_move_and_is_not_counted_again()
    {
        var homes = new ShardHomes();
        Assert.Equal(0, homes.ObserveHere(Region, ["1", "2"], Self));
        homes.ObserveCluster(Region, [new("1", Self), new("2", Self), new("3", Other)], Self);
        Assert.Equal(0, homes.ObserveHere(Region, ["1", "2"], Self));
    }

    [Fact]
    public void Shards_last_seen_on_another_node_count_once_when_they_start_here()
    {
        var homes = new ShardHomes();
        homes.ObserveCluster(Region, [new("3", Other), new("4", Other)], Self);
        // The other node died: the cluster's answer leaves its shards out, they keep their last home.
        homes.ObserveCluster(Region, [], Self);
        Assert.Equal(2, homes.ObserveHere(Region, ["1", "3", "4"], Self));
        Assert.Equal(0, homes.ObserveHere(Region, ["1", "3", "4"], Self));
        Assert.Equal(0, homes.ObserveHere("user", ["3"], Self)); // regions are separate
    }

    [Fact]
    public void A_shard_the_cluster_already_places_here_still_counts_when_this_node_first_sees_it()
    {
        var homes = new ShardHomes();
        homes.ObserveCluster(Region, [new("5", Other)], Self);
        homes.ObserveCluster(Region, [new("5", Self)], Self); // moved between this node's own read and the cluster's
        Assert.Equal(1, homes.ObserveHere(Region, ["5"], Self));
    }

    [Fact]
    public void A_shard_rebalanced_away_and_back_counts_again()
    {
        var homes = new ShardHomes();
        homes.ObserveHere(Region, ["7"], Self);
        homes.ObserveCluster(Region, [new("7", Other)], Self);
        Assert.Equal(1, homes.ObserveHere(Region, ["7"], Self));
    }
}
