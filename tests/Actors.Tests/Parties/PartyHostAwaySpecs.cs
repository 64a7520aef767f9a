using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using static MediaPlatform.Actors.Tests.Parties.PartyScenes;

namespace MediaPlatform.Actors.Tests.Parties;

/// <summary>
/// The host hands over not only by leaving: a host with no connection open for the grace period, while another member
/// is here, gives the party to the longest-standing member who is here.
/// </summary>
public sealed class PartyHostAwaySpecs
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>Host, Ann and Bob all connected at T0+10 s (host on node 1, the others on node 2).</summary>
    private static PartyState AllHere()
    {
        var state = Run(WithMembers(), new ConnectToParty(Party, Host, "c-host", Node1), T0.AddSeconds(10));
        state = Run(state, new ConnectToParty(Party, Bob, "c-bob", Node2), T0.AddSeconds(10));
        return Run(state, new ConnectToParty(Party, Ann, "c-ann", Node2), T0.AddSeconds(10));
    }

    private static HandOverFromAwayHost Check => new(Party, Grace);

    [Fact]
    public void A_host_away_for_the_grace_period_must_hand_the_party_to_the_longest_standing_member_here()
    {
        var away = T0.AddMinutes(1);
        var state = Run(AllHere(), new DisconnectFromParty(Party, Host, "c-host"), away);
        Assert.Equal(away, state.HostAwaySince);
        Assert.Equal(away + Grace, state.HostAwayDeadline(Grace));

        Assert.Empty(Decide(state, Check, away + Grace - TimeSpan.FromSeconds(1)).Events);
        var (after, events, _) = Decide(state, Check, away + Grace);

        Assert.Equal(new PartyHostChanged(Ann, Host, away + Grace), Assert.Single(events));
        Assert.Equal(Ann, after.HostId);
        Assert.Null(after.HostAwaySince);
        Assert.Null(after.HostAwayDeadline(Grace));
        Assert.True(after.View(away + Grace).Members.Single(m => m.UserId == Ann).Host);
        // The new host controls a host-only party; the old one, back later, is a member like the others.
        Run(after, new ControlPlayback(Party, Ann, PlaybackAction.Play, null, null), away + Grace);
        var back = Run(after, new ConnectToParty(Party, Host, "c-host-2", Node1), away + Grace + TimeSpan.FromSeconds(5));
        Refused(back, new ControlPlayback(Party, Host, PlaybackAction.Play, null, null), RejectionKind.Forbidden, away + Grace + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_host_back_within_the_grace_period_must_stay_host()
    {
        var state = Run(AllHere(), new DisconnectFromParty(Party, Host, "c-host"), T0.AddMinutes(1));
        state = Run(state, new ConnectToParty(Party, Host, "c-host-2", Node1), T0.AddMinutes(1.5));
        Assert.Null(state.HostAwaySince);
        Assert.Null(state.HostAwayDeadline(Grace));
        Assert.Empty(Decide(state, Check, T0.AddMinutes(5)).Events);
        Assert.Equal(Host, state.HostId);
    }

    [Fact]
    public void A_host_with_another_tab_still_open_must_not_count_as_away()
    {
        var state = Run(AllHere(), new ConnectToParty(Party, Host, "c-host-tab", Node2), T0.AddSeconds(20));
        state = Run(state, new DisconnectFromParty(Party, Host, "c-host"), T0.AddMinutes(1));
        Assert.Null(state.HostAwaySince);
        Assert.Empty(Decide(state, Check, T0.AddMinutes(10)).Events);
    }

    [Fact]
    public void Nobody_here_must_mean_nobody_to_hand_over_to_until_someone_comes()
    {
        var state = Run(WithMembers(), new ConnectToParty(Party, Host, "c-host", Node1), T0.AddSeconds(10));
        state = Run(state, new DisconnectFromParty(Party, Host, "c-host"), T0.AddMinutes(1));
        Assert.Null(state.HostAwayDeadline(Grace));
        Assert.Empty(Decide(state, Check, T0.AddMinutes(10)).Events);

        state = Run(state, new ConnectToParty(Party, Bob, "c-bob", Node2), T0.AddMinutes(10));
        Assert.Equal(T0.AddMinutes(1) + Grace, state.HostAwayDeadline(Grace));
        Assert.Equal(Bob, Run(state, Check, T0.AddMinutes(10)).HostId);
    }

    [Fact]
    public void A_host_whose_node_died_must_count_as_away_from_when_its_connections_were_dropped()
    {
        var dropped = T0.AddMinutes(2);
        var state = Run(AllHere(), new DropDeadConnections(Party, [Node2]), dropped);
        Assert.Equal(dropped, state.HostAwaySince);
        Assert.Equal(Ann, Run(state, Check, dropped + Grace).HostId);
    }

    [Fact]
    public void A_new_party_must_count_its_host_as_away_until_the_host_connects()
    {
        var created = WithMembers();
        Assert.Equal(T0, created.HostAwaySince);
        var hostHere = Run(created, new ConnectToParty(Party, Host, "c-host", Node1), T0.AddSeconds(30));
        Assert.Null(hostHere.HostAwaySince);
    }

    [Fact]
    public void An_ended_party_must_not_hand_over()
    {
        var state = Run(AllHere(), new DisconnectFromParty(Party, Host, "c-host"), T0.AddMinutes(1));
        state = Run(state, new EndParty(Party, Host), T0.AddMinutes(1));
        Assert.Null(state.HostAwayDeadline(Grace));
        Assert.Empty(Decide(state, Check, T0.AddMinutes(5)).Events);
    }
}
