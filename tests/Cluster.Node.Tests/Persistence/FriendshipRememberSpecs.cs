using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Persistence;

/// <summary>
/// A Friendship entity with deliveries still owed is remembered: after the whole cluster restarts on the same journal,
/// sharding starts it again with no message sent to it, so it can finish delivering; once settled it passivates and is
/// forgotten.
/// </summary>
public sealed class FriendshipRememberSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task A_remembered_friendship_must_restart_by_itself_after_a_full_restart()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"));
        var pair = FriendshipPair.Id("u-x", "u-y");
        await using (var first = await TestNodeHost.StartAsync(options))
        {
            var region = ActorRegistry.For(first.System).Get<EntityRegions.Friendships>();
            var view = await region.Ask<FriendshipView>(new RequestFriendship("u-x", "u-y"), TimeSpan.FromSeconds(30));
            output.WriteLine($"first: {view.Status} v{view.Version}");
        }
        await using var second = await TestNodeHost.StartAsync(options with { HttpPort = FreePorts.Next(), RemotePort = FreePorts.Next() }, "media-platform.friends.passivate-when-settled-after = 2s");
        var again = ActorRegistry.For(second.System).Get<EntityRegions.Friendships>();
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (true)
        {
            var state = await again.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            var ids = state.Shards.SelectMany(s => s.EntityIds).ToList();
            output.WriteLine($"running entities: [{string.Join(",", ids)}]");
            if (ids.Contains(pair)) break;
            Assert.True(DateTime.UtcNow < deadline, "the remembered entity was not restarted");
            await Task.Delay(500);
        }
        // settled: it passivates itself and is forgotten
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var state = await again.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            var ids = state.Shards.SelectMany(s => s.EntityIds).ToList();
            output.WriteLine($"after settling: [{string.Join(",", ids)}]");
            if (!ids.Contains(pair)) break;
            Assert.True(DateTime.UtcNow < deadline, "never passivated");
            await Task.Delay(500);
        }
    }
}
