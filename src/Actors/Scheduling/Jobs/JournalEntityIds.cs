using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// The ids of every entity of one kind, read from the journal (a persistence query over persistence ids such as
/// "billing-{accountId}"), sorted ordinally so that a run's cursor means the same thing to every incarnation.
/// Nothing is kept in memory between runs: what the journal holds is the list.
/// The read journal is opened on first use, not at start-up: opening it asks the journal and blocks, which must not
/// hold up (or, on a busy machine, fail) the node's start, and runs on the thread pool rather than an actor thread.
/// </summary>
public sealed class JournalEntityIds(Func<ICurrentPersistenceIdsQuery> openJournal, IMaterializer materializer)
{
    private readonly Lazy<ICurrentPersistenceIdsQuery> _journal = new(openJournal, LazyThreadSafetyMode.PublicationOnly);

    public async Task<IReadOnlyList<string>> ListAsync(string persistenceIdPrefix, CancellationToken cancellationToken)
    {
        var journal = await Task.Run(() => _journal.Value, cancellationToken);
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(persistenceIdPrefix, StringComparison.Ordinal) && id.Length > persistenceIdPrefix.Length)
            .Select(id => id[persistenceIdPrefix.Length..])
            .RunWith(Sink.Seq<string>(), materializer)
            .WaitAsync(cancellationToken);
        return ids.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
