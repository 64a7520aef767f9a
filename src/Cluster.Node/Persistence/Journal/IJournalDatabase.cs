namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>What <see cref="BatchedSqlJournal"/> needs from a database: the plugin's tables, read and written directly.</summary>
public interface IJournalDatabase : IAsyncDisposable
{
    /// <summary>Inserts every row and its tag rows in ONE transaction: all are stored or none.</summary>
    Task InsertAsync(IReadOnlyList<JournalRow> rows, CancellationToken cancellationToken);

    /// <summary>
    /// Whether an insert failed on the unique (persistence id, sequence number) key: a write another incarnation of an
    /// entity already made. Only that is worth retrying write by write; any other error fails the whole batch.
    /// </summary>
    bool IsDuplicateKey(Exception failure);

    /// <summary>Whether the plugin's journal and tag tables exist.</summary>
    Task<bool> TablesExistAsync(CancellationToken cancellationToken);

    /// <summary>The highest sequence number stored for the id, deleted rows included (0 when none).</summary>
    Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken);

    /// <summary>Rows not marked deleted, from..to inclusive, by sequence number, at most <paramref name="max"/>.</summary>
    Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<StoredEvent> onEvent);

    /// <summary>
    /// The plugin's delete, in one transaction: marks rows up to <paramref name="toSequenceNr"/> deleted, physically
    /// removes those below the highest marked one (so the highest sequence number survives a delete-all) and removes
    /// their tag rows.
    /// </summary>
    Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);
}

/// <summary>A stored event as replay reads it, before deserialization.</summary>
public readonly record struct StoredEvent(long SequenceNr, long Created, string Manifest, byte[] Message, int Identifier, string? WriterUuid);
