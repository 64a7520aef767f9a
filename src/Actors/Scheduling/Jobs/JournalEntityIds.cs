using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>
/// The ids of every entity of one kind, read from the journal (a persistence query over persistence ids such as
/// "billing-{accountId}"), sorted ordinally so that a run's cursor means the same thing to every incarnation.
/// Nothing is kept in memory between runs: what the journal holds is the list.
/// </summary>
public sealed class JournalEntityIds(ICurrentPersistenceIdsQuery journal, IMaterializer materializer)
{
    public async Task<IReadOnlyList<string>> ListAsync(string persistenceIdPrefix, CancellationToken cancellationToken)
    {
        var ids = await journal.CurrentPersistenceIds()
            .Where(id => id.StartsWith(persistenceIdPrefix, StringComparison.Ordinal) && id.Length > persistenceIdPrefix.Length)
            .Select(id => id[persistenceIdPrefix.Length..])
            .RunWith(Sink.Seq<string>(), materializer)
            .WaitAsync(cancellationToken);
        return ids.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
