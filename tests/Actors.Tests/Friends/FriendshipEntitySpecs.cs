using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>
/// The Friendship entity with a real journal (in memory): deliveries that are lost, or cut off by a crash, are sent
/// again until both friend lists hold the change; recovery reproduces the state; a settled entity passivates itself.
/// </summary>
public sealed class FriendshipEntitySpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create(), output: output)
{
    private const string A = "u-a", B = "u-b";
    private static readonly string Pair = FriendshipPair.Id(A, B);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Redelivery far off: anything sent again within a test was sent by recovery.</summary>
    private static readonly FriendshipSettings NoTimer = new(TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    private EntitySettings Entities => EntitySettings.From(Sys);

    private Props Friendship(IActorRef lists, FriendshipSettings delivery) =>
        FriendshipEntity.PropsFor(Pair, lists, delivery, Entities, _clock);

    private IActorRef RealLists() => Sys.ActorOf(LocalFriendLists.PropsFor(Entities, _clock));

    private FriendshipView Ask(IActorRef friendship, IFriendshipCommand command)
    {
        var replies = CreateTestProbe();
        friendship.Tell(command, replies.Ref);
        return replies.ExpectMsg<FriendshipView>(Patience);
    }

    private FriendListView ListOf(IActorRef lists, string userId)
    {
        var replies = CreateTestProbe();
        lists.Tell(new GetFriendList(userId), replies.Ref);
        return replies.ExpectMsg<FriendListView>(Patience);
    }

    /// <summary>Receives one delivery per user (in any order) at the stand-in region.</summary>
    private List<FriendshipChanged> ExpectDeliveries(TestProbe lists, Action<FriendshipChanged>? then = null)
    {
        var received = new List<FriendshipChanged>();
        for (var i = 0; i < 2; i++)
        {
            received.Add(lists.ExpectMsg<FriendshipChanged>(Patience));
            then?.Invoke(received[^1]);
        }
        Assert.Equal([A, B], received.Select(c => c.UserId).Order());
        return received;
    }

    private async Task AwaitSettledAsync(IActorRef friendship) =>
        await AwaitAssertAsync(() => Assert.Empty(Ask(friendship, new GetFriendship(A, B)).AwaitingAck), Patience);

    [Fact]
    public async Task A_delivery_lost_before_a_crash_must_be_sent_again_by_the_restarted_entity_and_both_lists_must_converge()
    {
        var region = CreateTestProbe(); // the friend-list region as seen by the entity; drops what it is not told to forward
        var lists = RealLists();
        var friendship = Sys.ActorOf(Friendship(region.Ref, NoTimer));

        Assert.Equal(FriendshipStatus.Requested, Ask(friendship, new RequestFriendship(A, B)).Status);
        var lost = ExpectDeliveries(region); // never reach the lists, never acknowledged

        // The node dies: the actor is gone; only the journal remains. A new incarnation (on a surviving node) recovers.
        Watch(friendship);
        Sys.Stop(friendship);
        ExpectTerminated(friendship);
        Assert.Empty(ListOf(lists, A).Outgoing);
        var restarted = Sys.ActorOf(Friendship(region.Ref, NoTimer));

        var resent = ExpectDeliveries(region, _ => region.Forward(lists));
        Assert.Equal(lost.OrderBy(c => c.UserId).Select(c => c.Version), resent.OrderBy(c => c.UserId).Select(c => c.Version));
        await AwaitSettledAsync(restarted);
        Assert.Equal(B, Assert.Single(ListOf(lists, A).Outgoing).OtherUserId);
        Assert.Equal(A, Assert.Single(ListOf(lists, B).Incoming).OtherUserId);

        // The next change, delivered normally, reaches both sides too.
        Assert.Equal(FriendshipStatus.Friends, Ask(restarted, new AcceptFriendship(B, A)).Status);
        ExpectDeliveries(region, _ => region.Forward(lists));
        await AwaitSettledAsync(restarted);
        Assert.Equal(B, Assert.Single(ListOf(lists, A).Friends).OtherUserId);
        Assert.Equal(A, Assert.Single(ListOf(lists, B).Friends).OtherUserId);
        Assert.Empty(ListOf(lists, B).Incoming);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task An_unacknowledged_delivery_must_be_sent_again_on_the_timer_until_acknowledged()
    {
        var region = CreateTestProbe();
        var lists = RealLists();
        var delivery = new FriendshipSettings(TimeSpan.FromMilliseconds(200), TimeSpan.FromHours(1));
        var friendship = Sys.ActorOf(Friendship(region.Ref, delivery));

        Ask(friendship, new RequestFriendship(A, B));
        ExpectDeliveries(region); // dropped
        ExpectDeliveries(region); // dropped again: still unacknowledged
        ExpectDeliveries(region, _ => region.Forward(lists));
        await AwaitSettledAsync(friendship);
        while (region.HasMessages) region.ReceiveOne(); // rounds a tick sent while the acknowledgements were in flight
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(600)); // acknowledged: the timer stopped
        Assert.Single(ListOf(lists, B).Incoming);
    }

    [Fact]
    public void Deliveries_arriving_twice_and_out_of_order_must_leave_the_lists_at_the_newest_version()
    {
        var region = CreateTestProbe();
        var lists = RealLists();
        var friendship = Sys.ActorOf(Friendship(region.Ref, NoTimer));

        Ask(friendship, new RequestFriendship(A, B));
        var requested = ExpectDeliveries(region); // held back
        Ask(friendship, new AcceptFriendship(B, A));
        ExpectDeliveries(region, _ => region.Forward(lists)); // the newer change arrives first
        var acks = CreateTestProbe();
        foreach (var late in requested.Concat(requested)) lists.Tell(late, acks.Ref); // the older one late, twice
        foreach (var _ in Enumerable.Range(0, 4)) Assert.Equal(1, acks.ExpectMsg<ConfirmFriendshipDelivery>(Patience).Version);

        Assert.Single(ListOf(lists, A).Friends);
        Assert.Empty(ListOf(lists, A).Outgoing);
        Assert.Single(ListOf(lists, B).Friends);
        Assert.Empty(ListOf(lists, B).Incoming);
    }

    [Fact]
    public async Task Kill_and_recover_must_reproduce_the_state_exactly()
    {
        var lists = RealLists();
        var first = Sys.ActorOf(Friendship(lists, NoTimer));
        foreach (var change in new IFriendshipCommand[] { new RequestFriendship(A, B), new AcceptFriendship(B, A), new EndFriendship(A, B) })
        {
            Ask(first, change);
            await AwaitSettledAsync(first); // 3 changes and 6 acknowledgements: a snapshot (every 3) at the end
        }
        await StopAsync(first);

        // One more change whose deliveries are never acknowledged: recovery must bring back snapshot + event,
        // including the deliveries still awaited.
        var region = CreateTestProbe();
        var second = Sys.ActorOf(Friendship(region.Ref, NoTimer));
        Ask(second, new RequestFriendship(B, A));
        ExpectDeliveries(region);
        var before = Ask(second, new GetFriendship(A, B));

        Watch(second);
        second.Tell(Kill.Instance); // crashes it; nothing survives but the journal and snapshots
        ExpectTerminated(second);
        var recovered = Sys.ActorOf(Friendship(region.Ref, NoTimer));
        Assert.Equivalent(before, Ask(recovered, new GetFriendship(B, A)), strict: true);
        Assert.Equal((FriendshipStatus.Requested, B, 4L), (before.Status, before.RequestedBy, before.Version));
        Assert.Equal([A, B], before.AwaitingAck);
        ExpectDeliveries(region); // and it resumes delivering them
    }

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void Repeated_commands_must_answer_the_same_and_persist_nothing()
    {
        var friendship = Sys.ActorOf(Friendship(RealLists(), NoTimer));
        var first = Ask(friendship, new RequestFriendship(A, B));
        var again = Ask(friendship, new RequestFriendship(A, B));
        Assert.Equal(first.Version, again.Version);
        Ask(friendship, new AcceptFriendship(B, A));
        Assert.Equal(2, Ask(friendship, new AcceptFriendship(B, A)).Version);
    }

    [Fact]
    public void Rejections_must_be_answered_and_persist_nothing()
    {
        var friendship = Sys.ActorOf(Friendship(RealLists(), NoTimer));
        var replies = CreateTestProbe();
        friendship.Tell(new AcceptFriendship(B, A), replies.Ref);
        Assert.Equal(RejectionKind.NotFound, replies.ExpectMsg<Rejection>(Patience).Kind);
        friendship.Tell(new RequestFriendship(A, "u-z"), replies.Ref);
        Assert.Equal(RejectionKind.Invalid, replies.ExpectMsg<Rejection>(Patience).Kind);
        Assert.Equal(0, Ask(friendship, new GetFriendship(A, B)).Version);
    }

    [Fact]
    public void A_settled_entity_must_passivate_itself_and_one_with_work_left_must_not()
    {
        var shard = CreateTestProbe(); // the entity's parent, as its shard would be
        var region = CreateTestProbe();
        var lists = RealLists();
        var delivery = new FriendshipSettings(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
        var friendship = shard.ChildActorOf(Friendship(region.Ref, delivery));

        Ask(friendship, new RequestFriendship(A, B));
        ExpectDeliveries(region);
        shard.ExpectNoMsg(TimeSpan.FromMilliseconds(1500)); // deliveries are unacknowledged: it must stay up

        ExpectDeliveries(region, _ => region.Forward(lists));
        Assert.IsType<PoisonPill>(shard.ExpectMsg<Passivate>(Patience).StopMessage);
    }
}
