using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Parties;

/// <summary>Parties in a known state for the pure specs: a host, Ann and Bob, commands run at chosen times.</summary>
internal static class PartyScenes
{
    public static readonly DateTimeOffset T0 = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);
    public const string Party = "p-1", Host = "u-host", Ann = "u-ann", Bob = "u-bob";
    public const string Node1 = "akka.tcp://media@10.0.0.1:4053", Node2 = "akka.tcp://media@10.0.0.2:4053";
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public static PartyState Run(PartyState state, IPartyCommand command, DateTimeOffset? at = null) =>
        Decisions.Accept(state, state.Handle(command, at ?? T0)).State;

    public static (PartyState State, IReadOnlyList<IPartyEvent> Events, object Reply) Decide(PartyState state, IPartyCommand command, DateTimeOffset? at = null) =>
        Decisions.Accept(state, state.Handle(command, at ?? T0));

    public static Rejection Refused(PartyState state, IPartyCommand command, RejectionKind kind, DateTimeOffset? at = null) =>
        Decisions.Refused(state.Handle(command, at ?? T0), kind);

    /// <summary>Ann and Bob joined on the host's invites, Ann first (at T0+1 s and T0+2 s).</summary>
    public static PartyState WithMembers(PartyControl control = PartyControl.HostOnly)
    {
        var state = Run(PartyState.Empty(Party), new CreateParty(Party, Host, PartyMedia.Title("t-1"), true, control, Idle));
        state = Run(state, new InviteToParty(Party, Host, Ann, [Ann, Bob], TimeSpan.FromDays(1)));
        state = Run(state, new InviteToParty(Party, Host, Bob, [Ann, Bob], TimeSpan.FromDays(1)));
        state = Run(state, new JoinParty(Party, Ann, [Host]), T0.AddSeconds(1));
        return Run(state, new JoinParty(Party, Bob, [Host]), T0.AddSeconds(2));
    }
}
