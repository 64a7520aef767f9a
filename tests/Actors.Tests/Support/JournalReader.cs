using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>
/// Reads every event stored under a persistence id by recovering a throw-away actor without snapshots, so a spec
/// can assert exactly what was persisted (e.g. nothing new for an idempotent repeat).
/// </summary>
public sealed class JournalReader : ReceivePersistentActor
{
    private readonly List<object> _events = [];

    public JournalReader(string persistenceId, IActorRef replyTo)
    {
        PersistenceId = persistenceId;
        Recover<RecoveryCompleted>(_ =>
        {
            replyTo.Tell(new JournalEvents([.. _events]));
            Context.Stop(Self);
        });
        RecoverAny(e => _events.Add(e));
    }

    public override string PersistenceId { get; }

    public override Recovery Recovery => new(SnapshotSelectionCriteria.None);

    public static Props PropsFor(string persistenceId, IActorRef replyTo) => Props.Create(() => new JournalReader(persistenceId, replyTo));

    public sealed record JournalEvents(IReadOnlyList<object> Events) : INoSerializationVerificationNeeded;
}
