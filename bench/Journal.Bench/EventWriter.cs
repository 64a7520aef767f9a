using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// A persistent actor the way our entities write: one Persist per command, the next command stashed by Akka until
/// the journal has acknowledged the previous event. It answers the sender of the command whose event is its last.
/// </summary>
public sealed class EventWriter : ReceivePersistentActor
{
    public override string PersistenceId { get; }

    public EventWriter(string persistenceId, int events, BenchEvent payload)
    {
        PersistenceId = persistenceId;
        Command<Append>(_ => Persist(payload, _ =>
        {
            if (LastSequenceNr == events)
                Sender.Tell(new Finished(PersistenceId));
        }));
    }

    public static Props Props(string persistenceId, int events, BenchEvent payload) =>
        Akka.Actor.Props.Create(() => new EventWriter(persistenceId, events, payload));
}
