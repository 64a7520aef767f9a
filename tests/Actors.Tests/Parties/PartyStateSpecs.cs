using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Parties;

/// <summary>Every party rule and each of its refusals, on the pure state (no actors).</summary>
public sealed class PartyStateSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);
    private const string Party = "p-1", Host = "u-host", Ann = "u-ann", Bob = "u-bob", Stranger = "u-stranger";
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private const string Node1 = "akka.tcp://media@10.0.0.1:4053", Node2 = "akka.tcp://media@10.0.0.2:4053";

    private static PartyState Run(PartyState state, IPartyCommand command, DateTimeOffset? at = null) =>
        Decisions.Accept(state, state.Handle(command, at ?? T0)).State;

    private static Rejection Refused(PartyState state, IPartyCommand command, RejectionKind kind, DateTimeOffset? at = null) =>
        Decisions.Refused(state.Handle(command, at ?? T0), kind);

    private static PartyState Created(PartyControl control = PartyControl.HostOnly) =>
        Run(PartyState.Empty(Party), new CreateParty(Party, Host, PartyMedia.Title("t-1"), true, control, Idle));

    /// <summary>Ann and Bob joined on the host's invites, Ann first.</summary>
    private static PartyState WithMembers(PartyControl control = PartyControl.HostOnly)
    {
        var state = Created(control);
        state = Run(state, new InviteToParty(Party, Host, Ann, [Ann, Bob], Day));
        state = Run(state, new InviteToParty(Party, Host, Bob, [Ann, Bob], Day));
        state = Run(state, new JoinParty(Party, Ann, [Host]), T0.AddSeconds(1));
        return Run(state, new JoinParty(Party, Bob, [Host]), T0.AddSeconds(2));
    }

    [Fact]
    public void A_party_of_a_published_title_must_start_paused_at_zero_with_its_host_as_only_member()
    {
        var (state, events, reply) = Decisions.Accept(PartyState.Empty(Party),
            PartyState.Empty(Party).Handle(new CreateParty(Party, Host, PartyMedia.Title("t-1"), true, PartyControl.Everyone, Idle), T0));
        Assert.Equal(new PartyCreated(Party, Host, PartyMedia.Title("t-1"), PartyControl.Everyone, Idle, T0), Assert.Single(events));
        var view = Assert.IsType<PartyView>(reply);
        Assert.Equal(1, view.Version);
        Assert.Equal(Host, Assert.Single(view.Members).UserId);
        Assert.False(state.Playback.Playing);
        Assert.Equal(0, state.Playback.PositionAt(T0.AddMinutes(5)));
    }

    [Fact]
    public void A_party_of_an_unpublished_title_must_be_refused_as_a_conflict()
    {
        var rejection = Refused(PartyState.Empty(Party), new CreateParty(Party, Host, PartyMedia.Title("t-1"), false, PartyControl.HostOnly, Idle), RejectionKind.Conflict);
        Assert.Contains("not published", rejection.Message);
    }

    [Fact]
    public void A_party_of_a_live_stream_must_open_while_it_is_on_air_and_be_refused_as_a_conflict_otherwise()
    {
        var (_, events, _) = Decisions.Accept(PartyState.Empty(Party),
            PartyState.Empty(Party).Handle(new CreateParty(Party, Host, PartyMedia.Live("ls-1"), true, PartyControl.HostOnly, Idle), T0));
        Assert.Equal(PartyMedia.Live("ls-1"), Assert.IsType<PartyCreated>(Assert.Single(events)).Media);
        var rejection = Refused(PartyState.Empty(Party), new CreateParty(Party, Host, PartyMedia.Live("ls-1"), false, PartyControl.HostOnly, Idle), RejectionKind.Conflict);
        Assert.Contains("not on air", rejection.Message);
    }

    [Fact]
    public void Creating_an_existing_party_again_must_answer_the_same_party_and_another_host_must_conflict()
    {
        var state = Created();
        var repeat = Decisions.Accept(state, state.Handle(new CreateParty(Party, Host, PartyMedia.Title("t-1"), true, PartyControl.HostOnly, Idle), T0));
        Assert.Empty(repeat.Events);
        Refused(state, new CreateParty(Party, Ann, PartyMedia.Title("t-1"), true, PartyControl.HostOnly, Idle), RejectionKind.Conflict);
    }

    [Fact]
    public void Commands_to_a_party_that_does_not_exist_must_be_not_found()
    {
        Refused(PartyState.Empty(Party), new JoinParty(Party, Ann, [Host]), RejectionKind.NotFound);
        Refused(PartyState.Empty(Party), new GetParty(Party, Ann), RejectionKind.NotFound);
    }

    [Fact]
    public void Inviting_someone_who_is_not_the_inviters_friend_must_be_forbidden()
    {
        var rejection = Refused(Created(), new InviteToParty(Party, Host, Stranger, [Ann], Day), RejectionKind.Forbidden);
        Assert.Contains("not your friend", rejection.Message);
    }

    [Fact]
    public void In_a_host_only_party_a_member_must_not_invite_but_in_an_everyone_party_they_may()
    {
        Refused(WithMembers(), new InviteToParty(Party, Ann, Stranger, [Stranger], Day), RejectionKind.Forbidden);
        var state = Run(WithMembers(PartyControl.Everyone), new InviteToParty(Party, Ann, Stranger, [Stranger], Day));
        Assert.Equal(Ann, state.OpenInviteFor(Stranger, T0)!.ByUserId);
    }

    [Fact]
    public void An_invite_must_have_a_sane_lifetime()
    {
        Refused(Created(), new InviteToParty(Party, Host, Ann, [Ann], TimeSpan.FromSeconds(5)), RejectionKind.Invalid);
        Refused(Created(), new InviteToParty(Party, Host, Ann, [Ann], TimeSpan.FromDays(30)), RejectionKind.Invalid);
    }

    [Fact]
    public void Joining_without_an_invite_must_be_not_found()
    {
        Refused(Created(), new JoinParty(Party, Stranger, [Host]), RejectionKind.NotFound);
    }

    [Fact]
    public void Joining_on_an_expired_invite_must_be_refused()
    {
        var state = Run(Created(), new InviteToParty(Party, Host, Ann, [Ann], TimeSpan.FromMinutes(5)));
        var rejection = Refused(state, new JoinParty(Party, Ann, [Host]), RejectionKind.Conflict, T0.AddMinutes(5));
        Assert.Contains("expired", rejection.Message);
        Assert.Empty(state.View(T0.AddMinutes(6)).Invites);
    }

    [Fact]
    public void Joining_after_the_friendship_with_the_inviter_ended_must_be_forbidden()
    {
        var state = Run(Created(), new InviteToParty(Party, Host, Ann, [Ann], Day));
        Refused(state, new JoinParty(Party, Ann, []), RejectionKind.Forbidden);
    }

    [Fact]
    public void Joining_consumes_the_invite_and_a_repeat_join_changes_nothing()
    {
        var state = WithMembers();
        Assert.Null(state.OpenInviteFor(Ann, T0));
        Assert.True(state.IsMember(Ann));
        var repeat = Decisions.Accept(state, state.Handle(new JoinParty(Party, Ann, []), T0));
        Assert.Empty(repeat.Events);
    }

    [Fact]
    public void In_a_host_only_party_a_member_must_not_control_playback()
    {
        var rejection = Refused(WithMembers(), new ControlPlayback(Party, Ann, PlaybackAction.Play, null, null), RejectionKind.Forbidden);
        Assert.Contains("only the host", rejection.Message);
    }

    [Fact]
    public void Someone_outside_the_party_must_not_control_see_or_chat_even_when_everyone_controls()
    {
        var state = WithMembers(PartyControl.Everyone);
        Refused(state, new ControlPlayback(Party, Stranger, PlaybackAction.Play, null, null), RejectionKind.Forbidden);
        Refused(state, new GetParty(Party, Stranger), RejectionKind.Forbidden);
        Refused(state, new PostPartyChat(Party, Stranger, "hi"), RejectionKind.Forbidden);
        Refused(state, new ConnectToParty(Party, Stranger, "c-1", Node1), RejectionKind.Forbidden);
    }

    [Fact]
    public void Play_seek_rate_and_pause_must_move_the_shared_position_on_the_server_clock()
    {
        var state = WithMembers(PartyControl.Everyone);
        state = Run(state, new ControlPlayback(Party, Ann, PlaybackAction.Play, 10, null), T0.AddSeconds(10));
        Assert.Equal(15, state.Playback.PositionAt(T0.AddSeconds(15)), 6);
        state = Run(state, new ControlPlayback(Party, Bob, PlaybackAction.Rate, null, 2), T0.AddSeconds(20));
        Assert.Equal(20, state.Playback.PositionSeconds, 6);
        Assert.Equal(24, state.Playback.PositionAt(T0.AddSeconds(22)), 6);
        state = Run(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, 100, null), T0.AddSeconds(30));
        Assert.True(state.Playback.Playing);
        state = Run(state, new ControlPlayback(Party, Host, PlaybackAction.Pause, null, null), T0.AddSeconds(31));
        Assert.False(state.Playback.Playing);
        Assert.Equal(102, state.Playback.PositionAt(T0.AddHours(1)), 6);
    }

    [Fact]
    public void Bad_playback_values_must_be_refused()
    {
        var state = Created();
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, null, null), RejectionKind.Invalid);
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, -1, null), RejectionKind.Invalid);
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, double.NaN, null), RejectionKind.Invalid);
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Rate, null, 10), RejectionKind.Invalid);
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Rate, null, null), RejectionKind.Invalid);
    }

    [Fact]
    public void Only_the_host_chooses_who_controls()
    {
        Refused(WithMembers(), new SetPartyControl(Party, Ann, PartyControl.Everyone), RejectionKind.Forbidden);
        var state = Run(WithMembers(), new SetPartyControl(Party, Host, PartyControl.Everyone));
        Run(state, new ControlPlayback(Party, Ann, PlaybackAction.Play, null, null));
    }

    [Fact]
    public void A_chat_line_over_the_size_limit_or_empty_must_be_refused()
    {
        Refused(Created(), new PostPartyChat(Party, Host, new string('x', PartyState.MaxChatLength + 1)), RejectionKind.Invalid);
        Refused(Created(), new PostPartyChat(Party, Host, "   "), RejectionKind.Invalid);
    }

    [Fact]
    public void A_member_flooding_the_chat_must_be_told_to_wait_while_others_still_chat()
    {
        var state = WithMembers();
        for (var i = 0; i < PartyState.ChatLinesPerWindow; i++) state = Run(state, new PostPartyChat(Party, Ann, $"line {i}"), T0.AddSeconds(i));
        Refused(state, new PostPartyChat(Party, Ann, "one more"), RejectionKind.TooManyRequests, T0.AddSeconds(5));
        state = Run(state, new PostPartyChat(Party, Bob, "me too"), T0.AddSeconds(5));
        Run(state, new PostPartyChat(Party, Ann, "later"), T0.AddSeconds(PartyState.ChatWindow.TotalSeconds + 1));
    }

    [Fact]
    public void Chat_history_must_keep_only_the_latest_lines_each_with_the_version_it_was_posted_at()
    {
        var state = Created();
        for (var i = 0; i < PartyState.ChatHistory + 7; i++) state = Run(state, new PostPartyChat(Party, Host, $"line {i}"), T0.AddMinutes(i));
        Assert.Equal(PartyState.ChatHistory, state.Chat.Count);
        Assert.Equal($"line {PartyState.ChatHistory + 6}", state.Chat[^1].Text);
        Assert.Equal(state.Version, state.Chat[^1].Seq);
        Assert.Equal(PartyState.PushedChatLines, state.View(T0, PartyState.PushedChatLines).Chat.Count);
    }

    [Fact]
    public void Every_change_must_advance_the_version_by_one()
    {
        var state = WithMembers();
        var before = state.Version;
        state = Run(state, new ControlPlayback(Party, Host, PlaybackAction.Play, null, null));
        state = Run(state, new PostPartyChat(Party, Ann, "hi"));
        Assert.Equal(before + 2, state.Version);
    }

    [Fact]
    public void When_the_host_leaves_the_longest_standing_member_who_is_here_becomes_host()
    {
        var state = Run(WithMembers(), new ConnectToParty(Party, Bob, "c-bob", Node1));
        state = Run(state, new LeaveParty(Party, Host));
        Assert.Equal(Bob, state.HostId); // Ann joined first but is not connected
        Assert.False(state.IsMember(Host));
        state = Run(state, new LeaveParty(Party, Bob));
        Assert.Equal(Ann, state.HostId);
    }

    [Fact]
    public void When_the_last_member_leaves_the_party_ends_and_nobody_can_join_it()
    {
        var state = Run(Created(), new InviteToParty(Party, Host, Ann, [Ann], Day));
        state = Run(state, new LeaveParty(Party, Host));
        Assert.Equal(PartyEndReason.EveryoneLeft, state.EndReason);
        Refused(state, new JoinParty(Party, Ann, [Host]), RejectionKind.Conflict);
    }

    [Fact]
    public void Only_the_host_ends_the_party_and_an_ended_party_refuses_changes()
    {
        Refused(WithMembers(), new EndParty(Party, Ann), RejectionKind.Forbidden);
        var state = Run(WithMembers(), new EndParty(Party, Host));
        Assert.True(state.View(T0).Ended);
        Refused(state, new ControlPlayback(Party, Host, PlaybackAction.Play, null, null), RejectionKind.Conflict);
        Refused(state, new PostPartyChat(Party, Ann, "still here?"), RejectionKind.Conflict);
        Assert.True(Decisions.Accept(state, state.Handle(new GetParty(Party, Ann), T0)).Reply is PartyView { Ended: true });
    }

    [Fact]
    public void Presence_must_follow_connections_and_a_member_is_online_while_any_is_open()
    {
        var state = Run(WithMembers(), new ConnectToParty(Party, Ann, "c-1", Node1));
        state = Run(state, new ConnectToParty(Party, Ann, "c-2", Node1));
        state = Run(state, new DisconnectFromParty(Party, Ann, "c-1"));
        Assert.True(state.View(T0).Members.Single(m => m.UserId == Ann).Online);
        state = Run(state, new DisconnectFromParty(Party, Ann, "c-2"));
        Assert.False(state.IsOnline(Ann));
        var repeat = Decisions.Accept(state, state.Handle(new DisconnectFromParty(Party, Ann, "c-2"), T0));
        Assert.Empty(repeat.Events);
    }

    [Fact]
    public void Connections_on_a_node_that_left_the_cluster_must_go_offline_and_start_the_idle_clock()
    {
        var state = Run(WithMembers(), new ConnectToParty(Party, Ann, "c-ann", Node1));
        state = Run(state, new ConnectToParty(Party, Bob, "c-bob", Node2));
        state = Run(state, new DropDeadConnections(Party, [Node2]), T0.AddMinutes(1));
        Assert.False(state.IsOnline(Ann));
        Assert.True(state.IsOnline(Bob));
        var nothingDead = Decisions.Accept(state, state.Handle(new DropDeadConnections(Party, [Node2]), T0));
        Assert.Empty(nothingDead.Events);
        state = Run(state, new DropDeadConnections(Party, []), T0.AddMinutes(2));
        Assert.Equal(T0.AddMinutes(2) + Idle, state.IdleDeadline);
    }

    [Fact]
    public void An_empty_party_must_end_after_its_idle_time_and_not_before()
    {
        var state = Run(Created(), new ConnectToParty(Party, Host, "c-1", Node1), T0.AddMinutes(1));
        Assert.Null(state.IdleDeadline);
        state = Run(state, new DisconnectFromParty(Party, Host, "c-1"), T0.AddMinutes(2));
        Assert.Equal(T0.AddMinutes(2) + Idle, state.IdleDeadline);
        var early = Decisions.Accept(state, state.Handle(new EndPartyIfIdle(Party), T0.AddMinutes(3)));
        Assert.Empty(early.Events);
        state = Run(state, new EndPartyIfIdle(Party), T0.AddMinutes(2) + Idle);
        Assert.Equal(PartyEndReason.Idle, state.EndReason);
    }

    [Fact]
    public void A_listing_summary_must_say_whether_the_user_is_in_or_invited()
    {
        var state = Run(WithMembers(), new InviteToParty(Party, Host, Stranger, [Stranger], Day));
        Assert.True(state.Summary(Ann, T0).Member);
        Assert.NotNull(state.Summary(Stranger, T0).Invite);
        Assert.Null(state.Summary(Stranger, T0.AddDays(2)).Invite);
        Assert.False(PartyState.Empty("p-x").Summary(Ann, T0).Exists);
    }
}
