using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Parties;

/// <summary>One user's party index, sharded by user id; rules in <see cref="PartyIndexState"/>.</summary>
public sealed class PartyIndexEntity(string userId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<PartyIndexState, IPartyIndexCommand, IPartyIndexEvent>(PersistenceIdPrefix + userId, PartyIndexState.Empty(userId), settings, clock)
{
    public const string PersistenceIdPrefix = "party-index-";
    public const string TypeName = "party-index";

    public static Props PropsFor(string userId, EntitySettings settings, IClock clock) => Props.Create(() => new PartyIndexEntity(userId, settings, clock));

    /// <summary>A bounded hint list (each stream or party stays the truth): its history is not the product.</summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<IPartyIndexEvent> Decide(PartyIndexState state, IPartyIndexCommand command, DateTimeOffset now) => state.Handle(command, now);
}
