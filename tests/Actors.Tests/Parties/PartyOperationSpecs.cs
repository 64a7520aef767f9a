using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using static MediaPlatform.Actors.Tests.Parties.PartyScenes;

namespace MediaPlatform.Actors.Tests.Parties;

/// <summary>Client operation ids on play/pause/seek/rate/chat: a retried call is acknowledged, never applied twice.</summary>
public sealed class PartyOperationSpecs
{
    [Fact]
    public void A_repeated_seek_must_be_acknowledged_with_the_party_as_it_is_and_store_nothing()
    {
        var state = Run(WithMembers(PartyControl.Everyone), new ControlPlayback(Party, Ann, PlaybackAction.Seek, 100, null, "op-1"), T0.AddSeconds(10));
        state = Run(state, new ControlPlayback(Party, Bob, PlaybackAction.Seek, 200, null, "op-2"), T0.AddSeconds(11));

        var (after, events, reply) = Decide(state, new ControlPlayback(Party, Ann, PlaybackAction.Seek, 100, null, "op-1"), T0.AddSeconds(12));

        Assert.Empty(events);
        Assert.Equal(200, after.Playback.PositionSeconds);
        var view = Assert.IsType<PartyView>(reply);
        Assert.Equal(state.Version, view.Version);
        Assert.Equal(200, view.Playback.PositionSeconds);
    }

    [Fact]
    public void The_same_id_from_another_member_or_without_an_id_must_apply()
    {
        var state = Run(WithMembers(PartyControl.Everyone), new ControlPlayback(Party, Ann, PlaybackAction.Seek, 100, null, "op-1"));
        var other = Decide(state, new ControlPlayback(Party, Bob, PlaybackAction.Seek, 50, null, "op-1"));
        Assert.Single(other.Events);
        Assert.Equal(50, other.State.Playback.PositionSeconds);
        var plain = Decide(other.State, new ControlPlayback(Party, Bob, PlaybackAction.Seek, 60, null));
        Assert.Equal(new PartyPlaybackChanged(Bob, PlaybackAction.Seek, false, 60, 1, T0), Assert.Single(plain.Events));
    }

    [Fact]
    public void A_repeated_chat_line_must_be_posted_once_even_when_the_flood_limit_is_reached_meanwhile()
    {
        var state = WithMembers();
        for (var i = 0; i < PartyState.ChatLinesPerWindow; i++)
            state = Run(state, new PostPartyChat(Party, Ann, $"line {i}", $"chat-{i}"), T0.AddSeconds(3));

        var repeat = Decide(state, new PostPartyChat(Party, Ann, "line 0", "chat-0"), T0.AddSeconds(4));

        Assert.Empty(repeat.Events);
        Assert.Single(repeat.State.Chat, c => c.Text == "line 0");
        Refused(state, new PostPartyChat(Party, Ann, "line 5", "chat-5"), RejectionKind.TooManyRequests, T0.AddSeconds(4));
    }

    [Fact]
    public void A_repeat_must_be_acknowledged_even_after_the_member_lost_control()
    {
        var state = Run(WithMembers(PartyControl.Everyone), new ControlPlayback(Party, Ann, PlaybackAction.Play, 5, null, "op-play"));
        state = Run(state, new SetPartyControl(Party, Host, PartyControl.HostOnly));
        var repeat = Decide(state, new ControlPlayback(Party, Ann, PlaybackAction.Play, 5, null, "op-play"));
        Assert.Empty(repeat.Events);
        Refused(state, new ControlPlayback(Party, Ann, PlaybackAction.Pause, null, null, "op-pause"), RejectionKind.Forbidden);
    }

    [Fact]
    public void Only_the_latest_ids_per_member_must_be_kept_so_the_oldest_applies_again()
    {
        var state = WithMembers();
        for (var i = 0; i <= PartyState.OperationsPerMember; i++)
            state = Run(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, i, null, $"op-{i}"));
        Assert.Equal(PartyState.OperationsPerMember, state.Operations.Count(o => o.UserId == Host));
        Assert.False(state.Applied(Host, "op-0"));
        Assert.True(state.Applied(Host, $"op-{PartyState.OperationsPerMember}"));
        Assert.Single(Decide(state, new ControlPlayback(Party, Host, PlaybackAction.Seek, 0, null, "op-0")).Events);
    }

    [Fact]
    public void A_member_who_leaves_must_take_their_ids_along()
    {
        var state = Run(WithMembers(PartyControl.Everyone), new PostPartyChat(Party, Bob, "bye", "op-bye"));
        state = Run(state, new LeaveParty(Party, Bob));
        Assert.DoesNotContain(state.Operations, o => o.UserId == Bob);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("é")]
    public void A_malformed_operation_id_must_be_refused(string id)
    {
        Refused(WithMembers(), new ControlPlayback(Party, Host, PlaybackAction.Play, null, null, id), RejectionKind.Invalid);
        Refused(WithMembers(), new PostPartyChat(Party, Host, "hi", new string('a', PartyState.MaxOperationIdLength + 1)), RejectionKind.Invalid);
    }

    [Fact]
    public void Ids_must_survive_a_restart_from_the_stored_events()
    {
        var live = WithMembers();
        var events = new List<IPartyEvent>();
        foreach (var command in new IPartyCommand[] { new ControlPlayback(Party, Host, PlaybackAction.Seek, 9, null, "op-a"), new PostPartyChat(Party, Host, "hi", "op-b") })
        {
            var decided = Decide(live, command);
            events.AddRange(decided.Events);
            live = decided.State;
        }
        var replayed = events.Aggregate(WithMembers(), (s, e) => s.Apply(e));
        Assert.True(replayed.Applied(Host, "op-a"));
        Assert.True(replayed.Applied(Host, "op-b"));
    }
}
