using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>The friend list entity with a real journal (in memory): acknowledges after persisting; recovers exactly.</summary>
public sealed class FriendListEntitySpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create(), output: output)
{
    private const string Me = "u-m";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private IActorRef Start() => Sys.ActorOf(FriendListEntity.PropsFor(Me, EntitySettings.From(Sys), _clock));

    private FriendshipChanged Change(string other, FriendRelation relation, long version) =>
        new(Me, FriendshipPair.Id(Me, other), other, relation, version, _clock.Now.AddMinutes(version));

    private ConfirmFriendshipDelivery Deliver(IActorRef list, FriendshipChanged change)
    {
        var friendship = CreateTestProbe();
        list.Tell(change, friendship.Ref);
        return friendship.ExpectMsg<ConfirmFriendshipDelivery>(Patience);
    }

    private FriendListView View(IActorRef list)
    {
        var replies = CreateTestProbe();
        list.Tell(new GetFriendList(Me), replies.Ref);
        return replies.ExpectMsg<FriendListView>(Patience);
    }

    [Fact]
    public void Every_delivery_must_be_acknowledged_to_its_sender_with_the_version_it_carried()
    {
        var list = Start();
        Assert.Equal(new ConfirmFriendshipDelivery(FriendshipPair.Id(Me, "u-x"), Me, 1), Deliver(list, Change("u-x", FriendRelation.IncomingRequest, 1)));
        Assert.Equal(1, Deliver(list, Change("u-x", FriendRelation.IncomingRequest, 1)).Version); // a redelivery
        Assert.Single(View(list).Incoming);
    }

    [Fact]
    public void Kill_and_recover_must_reproduce_the_state_exactly()
    {
        var list = Start();
        Deliver(list, Change("u-f", FriendRelation.IncomingRequest, 1));
        Deliver(list, Change("u-f", FriendRelation.Friends, 2));
        Deliver(list, Change("u-o", FriendRelation.OutgoingRequest, 1));
        Deliver(list, Change("u-gone", FriendRelation.Friends, 2));
        Deliver(list, Change("u-gone", FriendRelation.None, 3)); // 5 events: past a snapshot (every 3)
        var before = View(list);

        Watch(list);
        list.Tell(Kill.Instance); // crashes it; nothing survives but the journal and snapshots
        ExpectTerminated(list);
        var elsewhere = Start();
        Assert.Equivalent(before, View(elsewhere), strict: true);

        // The removal survived recovery as a tombstone: a late, older delivery cannot bring the friend back.
        Deliver(elsewhere, Change("u-gone", FriendRelation.Friends, 2));
        Assert.DoesNotContain(View(elsewhere).Friends, f => f.OtherUserId == "u-gone");
        Assert.Equal("u-f", Assert.Single(View(elsewhere).Friends).OtherUserId);
    }
}
