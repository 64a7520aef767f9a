using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>
/// The parties one user hosts, joined or is invited to: a hint list, newest last, bounded (the oldest falls off).
/// Each party stays the truth of whether the user is still in it; listings ask it and prune what is over.
/// </summary>
[Manifest("party-index.state.v1")]
public sealed record PartyIndexState(string UserId, ImmutableList<string> PartyIds) : IEntityState<PartyIndexState, IPartyIndexEvent>, IProtocolMessage
{
    public const int MaxParties = 50;

    public static PartyIndexState Empty(string userId) => new(userId, ImmutableList<string>.Empty);

    public Decision<IPartyIndexEvent> Handle(IPartyIndexCommand command, DateTimeOffset now) => command switch
    {
        GetPartyIndex => Decide.Reply<IPartyIndexEvent>(View()),
        IndexParty c when string.IsNullOrWhiteSpace(c.PartyId) => Decide.Reject<IPartyIndexEvent>(Rejection.Invalid("a party id is needed")),
        IndexParty c => PartyIds.Contains(c.PartyId) ? Decide.Reply<IPartyIndexEvent>(View()) : Decide.Persist(this, new PartyIndexed(c.PartyId, now), s => s.View()),
        UnindexParty c => PartyIds.Contains(c.PartyId) ? Decide.Persist(this, new PartyUnindexed(c.PartyId), s => s.View()) : Decide.Reply<IPartyIndexEvent>(View()),
        _ => Decide.Reject<IPartyIndexEvent>(Rejection.Invalid($"unknown party index command {command.GetType().Name}")),
    };

    public PartyIndexState Apply(IPartyIndexEvent @event) => @event switch
    {
        PartyIndexed e => this with { PartyIds = (PartyIds.Count >= MaxParties ? PartyIds.RemoveAt(0) : PartyIds).Add(e.PartyId) },
        PartyUnindexed e => this with { PartyIds = PartyIds.Remove(e.PartyId) },
        _ => this,
    };

    public PartyIndexView View() => new(UserId, PartyIds.Reverse().ToList());
}
