using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Node.Tests.Persistence.Journal;

/// <summary>Persists each string it is sent (through the journal <paramref name="journalPluginId"/>) and answers with every string stored so far.</summary>
public sealed class StringLog : ReceivePersistentActor
{
    private readonly List<string> _entries = [];

    public StringLog(string persistenceId, string journalPluginId)
    {
        PersistenceId = persistenceId;
        JournalPluginId = journalPluginId;
        Recover<string>(_entries.Add);
        Command<string>(entry => Persist(entry, stored =>
        {
            _entries.Add(stored);
            Sender.Tell(_entries.ToArray());
        }));
        Command<Read>(_ => Sender.Tell(_entries.ToArray()));
    }

    public sealed record Read;

    public override string PersistenceId { get; }

    public static Props PropsFor(string persistenceId, string journalPluginId) =>
        Props.Create(() => new StringLog(persistenceId, journalPluginId));
}
