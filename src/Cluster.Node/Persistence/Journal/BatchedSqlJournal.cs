using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// The node's journal: Akka.Persistence.Sql's own tables (journal and tags, same columns and values), written through
/// one batching writer (<see cref="JournalWriteQueue"/>) instead of the plugin's per-row SQL rendering, and replayed
/// with one plain data reader. The plugin's read journal (events by tag, by persistence id) and snapshot store read
/// what this journal writes, and this journal reads what the plugin wrote.
/// </summary>
public sealed class BatchedSqlJournal : AsyncWriteJournal
{
    private readonly IJournalDatabase _database;
    private readonly JournalWriteQueue _writes;
    private readonly JournalRowSerializer _rows;
    private readonly SchemaGate _schema;
    private readonly BatchedJournalSettings _settings;

    /// <summary>The last write per persistence id still in flight: a recovering entity reads its highest sequence number after it.</summary>
    private readonly Dictionary<string, Task> _writesInProgress = new();

    private sealed record WriteFinished(string PersistenceId, Task Write);

    public BatchedSqlJournal(Config config)
    {
        var settings = _settings = BatchedJournalSettings.From(config);
        var database = _database = settings.Database == JournalDatabaseKind.Sqlite
            ? new SqliteJournalDatabase(settings.ConnectionString, settings.SqliteBusyTimeout)
            : new PostgresJournalDatabase(settings.ConnectionString);
        var system = Context.System;
        // Tables another node (or an earlier start) created need no plugin round trip; otherwise the plugin's DDL runs.
        _schema = new SchemaGate(async () =>
        {
            if (!await database.TablesExistAsync(CancellationToken.None))
                await PluginSchema.EnsureAsync(system, settings.SchemaTimeout);
        });
        _writes = new JournalWriteQueue(_database, settings, _schema.ReadyAsync);
        _rows = new JournalRowSerializer(Context.System, Guid.NewGuid().ToString("N"));
    }

    protected override Task<IImmutableList<Exception?>?> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow.Ticks;
        var writes = messages.ToList();
        var rejections = new Exception?[writes.Count];
        var rows = new List<JournalRow>();
        for (var i = 0; i < writes.Count; i++)
        {
            try
            {
                // Materialised first: a write whose third event does not serialize adds none of its rows.
                rows.AddRange(((IImmutableList<IPersistentRepresentation>)writes[i].Payload).Select(p => _rows.ToRow(p, now)).ToList());
            }
            catch (Exception e)
            {
                // Only this AtomicWrite is rejected (its entity gets OnPersistRejected); the others are written.
                rejections[i] = e;
            }
        }

        // One call comes from one entity: its writes are queued as ONE entry, stored in one transaction or not at
        // all, so a later event is never stored when an earlier one of the same call was refused (e.g. its sequence
        // number already written by another incarnation) — no gap, no history mixed from two writers.
        var all = WhenStoredAsync(rows.Count == 0 ? Task.CompletedTask : _writes.WriteAsync(rows), rejections);
        if (writes.Count > 0)
        {
            var persistenceId = writes[0].PersistenceId;
            _writesInProgress[persistenceId] = all;
            var self = Self;
            all.ContinueWith(_ => self.Tell(new WriteFinished(persistenceId, all)), TaskContinuationOptions.ExecuteSynchronously);
        }
        return all;
    }

    private static async Task<IImmutableList<Exception?>?> WhenStoredAsync(Task stored, Exception?[] rejections)
    {
        // A failed write fails the whole call (WriteMessagesFailure), as the journal protocol defines.
        await stored;
        return rejections.Any(r => r is not null) ? rejections.ToImmutableList() : null;
    }

    protected override bool ReceivePluginInternal(object message)
    {
        if (message is not WriteFinished finished) return false;
        if (_writesInProgress.TryGetValue(finished.PersistenceId, out var current) && current == finished.Write)
            _writesInProgress.Remove(finished.PersistenceId);
        return true;
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_writesInProgress.TryGetValue(persistenceId, out var write))
            await write.ContinueWith(_ => { }, TaskContinuationOptions.ExecuteSynchronously);
        await _schema.ReadyAsync();
        return await _database.HighestSequenceNrAsync(persistenceId, cancellationToken);
    }

    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max,
        Action<IPersistentRepresentation> recoveryCallback)
    {
        await _schema.ReadyAsync();
        await _database.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, stored => recoveryCallback(_rows.ToPersistent(persistenceId, stored)));
    }

    protected override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await _schema.ReadyAsync();
        await _database.DeleteToAsync(persistenceId, toSequenceNr, cancellationToken);
    }

    protected override void PostStop()
    {
        // Queued writes get stop-timeout to be stored, then the rest fail; the connections close only after the writer
        // loop has ended. The extra 30 s bound a statement still waiting for SQLite's lock when the timeout hits.
        _writes.DisposeAsync().AsTask().ContinueWith(_ => _database.DisposeAsync().AsTask()).Unwrap()
            .Wait(_settings.StopTimeout + TimeSpan.FromSeconds(30));
        base.PostStop();
    }
}
