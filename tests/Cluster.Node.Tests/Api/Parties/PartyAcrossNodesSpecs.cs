using Akka.Actor;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Parties;

/// <summary>
/// Three whole nodes in this process for the party specs that need viewers on different nodes. The watchers' periodic
/// re-ask is set to an hour, so what a viewer on another node sees came through pub-sub (or the re-asks a watcher makes
/// while its subscription spreads and on a skipped version), not through the periodic timer. A host away for 2 s hands over.
/// </summary>
public sealed class PartyClusterFixture : IAsyncLifetime
{
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Cluster = await InProcessNodeCluster.StartAsync(3, "party",
            extraHocon: "media-platform.parties.watcher-reask-interval = 1h\nmedia-platform.parties.host-away-grace = 2s");

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// Watch parties across nodes: viewers connected to the hub on different nodes see each other's play, seek and chat in
/// the same order, and both carry on with the party's state after the node holding the party is gone.
/// </summary>
public sealed class PartyAcrossNodesSpecs(PartyClusterFixture fixture, ITestOutputHelper output) : IClassFixture<PartyClusterFixture>
{
    private InProcessNodeCluster Cluster => fixture.Cluster;

    private async Task<(PartyUser Host, PartyUser Guest, string PartyId)> PartyAsync(int hostNode, int guestNode, string control = "Everyone")
    {
        var host = await PartyPeople.SignUpAsync(Cluster.BaseAddresses[hostNode]);
        var guest = await PartyPeople.SignUpAsync(Cluster.BaseAddresses[guestNode]);
        await PartyPeople.BefriendAsync(host, guest);
        var titleId = await PartyPeople.PublishedTitleAsync(host, Cluster.Registered<EntityRegions.Titles>(hostNode));
        var partyId = await PartyPeople.PartyAsync(host, titleId, control);
        await PartyPeople.InviteAndJoinAsync(host, partyId, guest);
        return (host, guest, partyId);
    }

    private static void AssertInOrder(PartyHubClient client, string who)
    {
        var versions = client.Received.Select(v => v.Version).ToList();
        Assert.True(versions.Zip(versions.Skip(1)).All(p => p.Item1 < p.Item2), $"{who} got versions out of order or twice: {string.Join(",", versions)}");
    }

    [Fact]
    public async Task Viewers_on_different_nodes_receive_each_others_play_seek_and_chat_in_order()
    {
        var (host, guest, partyId) = await PartyAsync(0, 2);
        await using var hostClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[0], host.Token);
        await using var guestClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[2], guest.Token, tokenInQuery: true);
        await hostClient.JoinAsync(partyId);
        var joined = await guestClient.JoinAsync(partyId);
        Assert.Equal(2, joined.Members.Count(m => m.Online));

        await hostClient.InvokeAsync("Seek", partyId, 30.0, null);
        await hostClient.InvokeAsync("Play", partyId, null, null);
        var started = await guestClient.AwaitStateAsync(v => v.Playback.Playing, "the guest on node 3 to see the host's play");
        Assert.Equal(30, started.Playback.PositionSeconds, 3);

        await guestClient.InvokeAsync("Chat", partyId, "popcorn ready", null);
        await hostClient.AwaitStateAsync(v => v.Chat.Any(c => c.Text == "popcorn ready" && c.UserId == guest.Id), "the host on node 1 to see the guest's chat");
        var seeked = await guestClient.InvokeAsync("Seek", partyId, 120.0, null);

        foreach (var (client, who) in new[] { (hostClient, "host"), (guestClient, "guest") })
        {
            var last = await client.AwaitStateAsync(v => v.Version >= seeked.Version, $"the {who} to reach version {seeked.Version}");
            Assert.Equal(120, last.Playback.PositionSeconds, 3);
            Assert.True(last.Playback.Playing);
            Assert.Contains(last.Chat, c => c.Text == "popcorn ready");
            AssertInOrder(client, who);
        }
        // The host's client saw the changes in the order they were made: seek 30 and play before the chat, the chat before seek 120.
        var hostSaw = hostClient.Received.ToList();
        var chatAt = hostSaw.FindIndex(v => v.Chat.Any(c => c.Text == "popcorn ready"));
        Assert.True(hostSaw.Take(chatAt).All(v => v.Playback.PositionSeconds < 120), "a view before the chat already had the later seek");
    }

    [Fact]
    public async Task After_the_node_holding_the_party_dies_both_viewers_resume_with_its_state()
    {
        // The host creates the party on node 2; wherever sharding put it, the viewers stay on the two other nodes.
        var (host, guest, partyId) = await PartyAsync(1, 1);
        var holder = await HolderOfAsync(partyId);
        var others = Enumerable.Range(0, 3).Where(n => n != holder).ToArray();
        output.WriteLine($"party {partyId} lives on node {holder + 1}; viewers on nodes {others[0] + 1} and {others[1] + 1}");
        await using var hostClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[others[0]], host.Token);
        await using var guestClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[others[1]], guest.Token);
        await hostClient.JoinAsync(partyId);
        await guestClient.JoinAsync(partyId);
        // A third member watches through the node that will die: that node cannot say goodbye for them.
        var doomed = await PartyPeople.SignUpAsync(Cluster.BaseAddresses[holder]);
        await PartyPeople.BefriendAsync(host, doomed);
        await PartyPeople.InviteAndJoinAsync(host, partyId, doomed);
        var doomedClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[holder], doomed.Token);
        await doomedClient.JoinAsync(partyId);
        await hostClient.InvokeAsync("Seek", partyId, 75.0, null);
        var paused = await hostClient.InvokeAsync("Pause", partyId, 80.0, null);
        await guestClient.AwaitStateAsync(v => v.Version >= paused.Version, "the guest to see the pause before the kill");

        await Cluster.KillAsync(holder);
        await doomedClient.DisposeAsync();

        // The next change starts the party again on a survivor from its journal, and both viewers get it. (An attempt that
        // timed out may still be applied later: every retry carries the same operation id, so the play applies once.)
        PartyView? resumed = null;
        var play = Guid.NewGuid().ToString("N");
        await Eventually.AwaitAsync(async () =>
            {
                try { resumed = await guestClient.InvokeAsync("Play", partyId, 80.0, play); return true; }
                catch (Microsoft.AspNetCore.SignalR.HubException e) when (e.Message.Contains("503")) { return false; }
            }, TimeSpan.FromSeconds(60), "the party to answer again after its node died", TimeSpan.FromMilliseconds(500));
        Assert.Equal(80, resumed!.Playback.PositionSeconds, 3);
        Assert.True(resumed.Version > paused.Version);
        Assert.Contains(resumed.Members, m => m.UserId == guest.Id && m.Online);
        var hostSees = await hostClient.AwaitStateAsync(v => v.Version >= resumed.Version, "the host to see the play after the failover", TimeSpan.FromSeconds(30));
        Assert.True(hostSees.Playback.Playing);
        Assert.Equal(80, hostSees.Playback.PositionSeconds, 3);
        AssertInOrder(hostClient, "host");
        AssertInOrder(guestClient, "guest");
        await hostClient.AwaitStateAsync(v => v.Members.Any(m => m.UserId == doomed.Id && !m.Online),
            "the member whose node died to show as away", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_host_whose_connection_closed_hands_the_party_to_the_guest_still_here_after_the_grace()
    {
        var (host, guest, partyId) = await PartyAsync(0, 1, control: "HostOnly");
        var hostClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[0], host.Token);
        await using var guestClient = await PartyHubClient.ConnectAsync(Cluster.BaseAddresses[1], guest.Token);
        await hostClient.JoinAsync(partyId);
        await guestClient.JoinAsync(partyId);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => guestClient.InvokeAsync("Play", partyId, null, null));

        await hostClient.DisposeAsync();

        var handedOver = await guestClient.AwaitStateAsync(v => v.HostId == guest.Id, "the guest to become host after the host's grace",
            TimeSpan.FromSeconds(30));
        Assert.Contains(handedOver.Members, m => m.UserId == host.Id && !m.Online && !m.Host);
        var playing = await guestClient.InvokeAsync("Play", partyId, null, null);
        Assert.True(playing.Playback.Playing);
    }

    /// <summary>The node whose party region hosts the entity (asked after a message has started it).</summary>
    private async Task<int> HolderOfAsync(string partyId)
    {
        for (var node = 0; node < 3; node++)
        {
            var state = await Cluster.Registered<EntityRegions.Parties>(node).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            if (state.Shards.Any(s => s.EntityIds.Contains(partyId))) return node;
        }
        throw new InvalidOperationException($"no node holds party {partyId}");
    }
}
