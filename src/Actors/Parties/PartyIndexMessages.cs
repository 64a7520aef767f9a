using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>Every message a user's party index handles; routed by <see cref="UserId"/>.</summary>
public interface IPartyIndexCommand : IWithEntityId, IProtocolMessage
{
    string UserId { get; }
    string IWithEntityId.EntityId => UserId;
}

/// <summary>The user hosts, joined, or was invited to the party.</summary>
[Manifest("party-index.add.v1")]
public sealed record IndexParty(string UserId, string PartyId) : IPartyIndexCommand;

/// <summary>The party is over for the user (ended, left, invite lapsed).</summary>
[Manifest("party-index.remove.v1")]
public sealed record UnindexParty(string UserId, string PartyId) : IPartyIndexCommand;

[Manifest("party-index.get.v1")]
public sealed record GetPartyIndex(string UserId) : IPartyIndexCommand;

/// <summary>The party ids a user may have something to do with, newest first (each party itself says what).</summary>
[Manifest("party-index.view.v1")]
public sealed record PartyIndexView(string UserId, IReadOnlyList<string> PartyIds) : IProtocolMessage;

public interface IPartyIndexEvent : IProtocolMessage;

[Manifest("party-index.added.v1")]
public sealed record PartyIndexed(string PartyId, DateTimeOffset At) : IPartyIndexEvent;

[Manifest("party-index.removed.v1")]
public sealed record PartyUnindexed(string PartyId) : IPartyIndexEvent;
