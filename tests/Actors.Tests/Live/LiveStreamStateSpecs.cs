using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Live;

/// <summary>Every live stream rule and each of its refusals, on the pure state (no actors).</summary>
public sealed class LiveStreamStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 20, 0, 0, TimeSpan.Zero);
    private const string Stream = "ls-1", Owner = "u-owner", Friend = "u-friend", Stranger = "u-stranger";
    private const string Node1 = "akka.tcp://media@10.0.0.1:4053", Node2 = "akka.tcp://media@10.0.0.2:4053";
    private static readonly string Key = LiveStreamKey.New();
    private static readonly string KeyHash = LiveStreamKey.Hash(Key);

    private static LiveStreamState Run(LiveStreamState state, ILiveStreamCommand command, DateTimeOffset? at = null) =>
        Decisions.Accept(state, state.Handle(command, at ?? T0)).State;

    private static Rejection Refused(LiveStreamState state, ILiveStreamCommand command, RejectionKind kind) =>
        Decisions.Refused(state.Handle(command, T0), kind);

    private static LiveStreamState Created() => Run(LiveStreamState.Empty(Stream), new CreateLiveStream(Stream, Owner, "Cooking", KeyHash));

    private static LiveStreamState OnAir(string ingest = "in-1", string node = Node1) =>
        Run(Created(), new BeginIngest(Stream, KeyHash, null, ingest, node), T0.AddSeconds(5));

    [Fact]
    public void A_new_stream_must_be_idle_and_keep_only_the_hash_of_its_key()
    {
        var (state, events, reply) = Decisions.Accept(LiveStreamState.Empty(Stream),
            LiveStreamState.Empty(Stream).Handle(new CreateLiveStream(Stream, Owner, "  Cooking ", KeyHash), T0));
        Assert.Equal(new LiveStreamCreated(Stream, Owner, "Cooking", KeyHash, T0), Assert.Single(events));
        Assert.Equal(LiveStreamStatus.Idle, Assert.IsType<LiveStreamView>(reply).Status);
        Assert.DoesNotContain(Key, System.Text.Json.JsonSerializer.Serialize(state));
        Assert.Equal(64, state.KeyHash.Length);
    }

    [Fact]
    public void A_stream_needs_an_owner_a_key_and_a_short_title()
    {
        Refused(LiveStreamState.Empty(Stream), new CreateLiveStream(Stream, "", "x", KeyHash), RejectionKind.Invalid);
        Refused(LiveStreamState.Empty(Stream), new CreateLiveStream(Stream, Owner, "x", ""), RejectionKind.Invalid);
        Refused(LiveStreamState.Empty(Stream), new CreateLiveStream(Stream, Owner, new string('x', LiveStreamState.MaxTitleLength + 1), KeyHash), RejectionKind.Invalid);
    }

    [Fact]
    public void Creating_it_again_must_answer_the_same_stream_and_another_owner_must_conflict()
    {
        var state = Created();
        Assert.Empty(Decisions.Accept(state, state.Handle(new CreateLiveStream(Stream, Owner, "Cooking", KeyHash), T0)).Events);
        Refused(state, new CreateLiveStream(Stream, Stranger, "Cooking", KeyHash), RejectionKind.Conflict);
    }

    [Fact]
    public void Commands_to_a_stream_that_does_not_exist_must_be_not_found()
    {
        Refused(LiveStreamState.Empty(Stream), new BeginIngest(Stream, KeyHash, null, "in-1", Node1), RejectionKind.NotFound);
        Refused(LiveStreamState.Empty(Stream), new GetLiveStream(Stream, Owner, []), RejectionKind.NotFound);
        Refused(LiveStreamState.Empty(Stream), new EndLiveStream(Stream, Owner), RejectionKind.NotFound);
    }

    [Fact]
    public void The_right_key_must_take_the_stream_on_air_through_its_ingest_node()
    {
        var (state, events, reply) = Decisions.Accept(Created(), Created().Handle(new BeginIngest(Stream, KeyHash, Owner, "in-1", Node1), T0.AddSeconds(5)));
        Assert.Equal(new LiveIngestStarted("in-1", Node1, false, T0.AddSeconds(5)), Assert.Single(events));
        var granted = Assert.IsType<LiveIngestGranted>(reply);
        Assert.Equal((1, false, Owner), (granted.Session, granted.Resumed, granted.OwnerId));
        Assert.Equal(LiveStreamStatus.Live, state.Status);
        Assert.Equal(Node1, state.View().IngestNode);
        Assert.Equal(T0.AddSeconds(5), state.StartedAt);
    }

    [Fact]
    public void A_wrong_key_must_be_forbidden()
    {
        var rejection = Refused(Created(), new BeginIngest(Stream, LiveStreamKey.Hash(LiveStreamKey.New()), null, "in-1", Node1), RejectionKind.Forbidden);
        Assert.Contains("wrong stream key", rejection.Message);
    }

    [Fact]
    public void The_key_used_by_a_signed_in_user_who_is_not_its_owner_must_be_forbidden()
    {
        var rejection = Refused(Created(), new BeginIngest(Stream, KeyHash, Stranger, "in-1", Node1), RejectionKind.Forbidden);
        Assert.Contains("another user", rejection.Message);
    }

    [Fact]
    public void A_second_broadcaster_while_live_on_another_node_must_conflict_and_a_repeat_of_the_same_ingest_must_not()
    {
        var state = OnAir();
        var rejection = Refused(state, new BeginIngest(Stream, KeyHash, null, "in-2", Node2), RejectionKind.Conflict);
        Assert.Contains("already live", rejection.Message);
        Assert.Empty(Decisions.Accept(state, state.Handle(new BeginIngest(Stream, KeyHash, null, "in-1", Node1), T0)).Events);
    }

    [Fact]
    public void A_reconnect_while_the_streams_ingest_node_is_gone_must_interrupt_and_resume_at_once()
    {
        var state = OnAir();
        Refused(state, new BeginIngest(Stream, KeyHash, null, "in-2", Node2, [Node1, Node2]), RejectionKind.Conflict);
        var (resumed, events, reply) = Decisions.Accept(state, state.Handle(new BeginIngest(Stream, KeyHash, null, "in-2", Node2, [Node2]), T0.AddSeconds(20)));
        Assert.IsType<LiveIngestInterrupted>(events[0]);
        Assert.Equal(new LiveIngestStarted("in-2", Node2, true, T0.AddSeconds(20)), events[1]);
        Assert.True(Assert.IsType<LiveIngestGranted>(reply).Resumed);
        Assert.Equal((LiveStreamStatus.Live, "in-2", 2), (resumed.Status, resumed.IngestId, resumed.Sessions));
    }

    [Fact]
    public void Heartbeats_must_be_taken_from_the_current_ingest_only()
    {
        var state = OnAir();
        Assert.IsType<IngestHeartbeatAck>(Decisions.Accept(state, state.Handle(new IngestHeartbeat(Stream, "in-1"), T0)).Reply);
        Refused(state, new IngestHeartbeat(Stream, "in-old"), RejectionKind.Conflict);
        Refused(Created(), new IngestHeartbeat(Stream, "in-1"), RejectionKind.Conflict);
    }

    [Fact]
    public void An_ingest_whose_connection_ended_must_interrupt_the_stream_and_the_same_key_must_resume_it_elsewhere()
    {
        var interrupted = Run(OnAir(), new EndIngest(Stream, "in-1", false, "the broadcaster's connection ended"), T0.AddSeconds(30));
        Assert.Equal(LiveStreamStatus.Interrupted, interrupted.Status);
        Assert.Equal("the broadcaster's connection ended", interrupted.View().InterruptReason);
        Assert.Null(interrupted.View().IngestNode);
        Refused(interrupted, new IngestHeartbeat(Stream, "in-1"), RejectionKind.Conflict);

        var (resumed, events, reply) = Decisions.Accept(interrupted, interrupted.Handle(new BeginIngest(Stream, KeyHash, null, "in-2", Node2), T0.AddSeconds(40)));
        Assert.True(Assert.IsType<LiveIngestStarted>(Assert.Single(events)).Resumed);
        Assert.Equal((2, true), (Assert.IsType<LiveIngestGranted>(reply).Session, ((LiveIngestGranted)reply).Resumed));
        Assert.Equal((LiveStreamStatus.Live, Node2, T0.AddSeconds(5)), (resumed.Status, resumed.IngestNode, resumed.StartedAt));
        Assert.Null(resumed.View().InterruptReason);
    }

    [Fact]
    public void An_ingest_that_fails_must_end_the_stream_with_its_reason()
    {
        var ended = Run(OnAir(), new EndIngest(Stream, "in-1", true, "ffmpeg could not transcode the ingest: could not find codec parameters"), T0.AddSeconds(9));
        var view = ended.View();
        Assert.Equal((LiveStreamStatus.Ended, LiveEndReason.IngestFailed, T0.AddSeconds(9)), (view.Status, view.EndReason, view.EndedAt));
        Assert.Contains("codec parameters", view.EndDetail);
        Refused(ended, new BeginIngest(Stream, KeyHash, null, "in-2", Node2), RejectionKind.Conflict);
    }

    [Fact]
    public void The_end_of_an_ingest_that_is_no_longer_the_streams_must_change_nothing()
    {
        var state = OnAir();
        Assert.Empty(Decisions.Accept(state, state.Handle(new EndIngest(Stream, "in-old", true, "boom"), T0)).Events);
        var reason = Run(state, new EndIngest(Stream, "in-1", false, new string('x', 2000))).InterruptReason!;
        Assert.True(reason.Length <= LiveStreamState.MaxReasonLength + 1);
    }

    [Fact]
    public void The_ingest_nodes_leaving_the_cluster_must_interrupt_the_stream()
    {
        var state = OnAir();
        Assert.Empty(Decisions.Accept(state, state.Handle(new DropDeadIngest(Stream, [Node1, Node2]), T0)).Events);
        var interrupted = Run(state, new DropDeadIngest(Stream, [Node2]));
        Assert.Equal(LiveStreamStatus.Interrupted, interrupted.Status);
        Assert.Contains("left the cluster", interrupted.InterruptReason);
    }

    [Fact]
    public void A_silent_ingest_must_interrupt_the_stream_unless_another_ingest_has_taken_over()
    {
        var state = OnAir();
        Assert.Equal(LiveStreamStatus.Interrupted, Run(state, new IngestSilent(Stream, "in-1", TimeSpan.FromSeconds(12))).Status);
        Assert.Empty(Decisions.Accept(state, state.Handle(new IngestSilent(Stream, "in-old", TimeSpan.FromSeconds(12)), T0)).Events);
    }

    [Fact]
    public void Only_the_owner_ends_a_stream_and_ending_it_twice_must_conflict()
    {
        var state = OnAir();
        Refused(state, new EndLiveStream(Stream, Friend), RejectionKind.Forbidden);
        var ended = Run(state, new EndLiveStream(Stream, Owner), T0.AddMinutes(3));
        Assert.Equal((LiveStreamStatus.Ended, LiveEndReason.EndedByOwner), (ended.Status, ended.EndReason));
        var rejection = Refused(ended, new EndLiveStream(Stream, Owner), RejectionKind.Conflict);
        Assert.Contains("already ended", rejection.Message);
        Refused(ended, new IngestHeartbeat(Stream, "in-1"), RejectionKind.Conflict);
        Assert.Equal(LiveStreamStatus.Ended, Run(Created(), new EndLiveStream(Stream, Owner)).Status); // an idle stream can end too
    }

    [Fact]
    public void The_owner_and_the_owners_friends_see_the_stream_and_nobody_else()
    {
        var state = OnAir();
        Assert.IsType<LiveStreamView>(Decisions.Accept(state, state.Handle(new GetLiveStream(Stream, Owner, []), T0)).Reply);
        Assert.IsType<LiveStreamView>(Decisions.Accept(state, state.Handle(new GetLiveStream(Stream, Friend, [Owner]), T0)).Reply);
        Refused(state, new GetLiveStream(Stream, Stranger, [Friend]), RejectionKind.Forbidden);
    }
}
