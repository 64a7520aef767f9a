using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>Persists each string it is sent as an event with one tag, and answers it once stored.</summary>
public sealed class TaggedEventWriter : ReceivePersistentActor
{
    public TaggedEventWriter(string persistenceId, string tag)
    {
        PersistenceId = persistenceId;
        Command<string>(text => Persist(new Tagged(text, [tag]), _ => Sender.Tell(text)));
        Recover<string>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props PropsFor(string persistenceId, string tag) => Props.Create(() => new TaggedEventWriter(persistenceId, tag));
}
