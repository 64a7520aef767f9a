using System.Collections.Immutable;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Microsoft.Data.Sqlite;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// A measuring prototype, not a product: how fast a write path of our own could be on SQLite. It writes the plugin's
/// journal table (same columns and values as the raw baseline) from one writer loop: whatever writes are waiting are
/// inserted in one transaction with one prepared INSERT, then acknowledged. Untagged events only, no deletes; reads
/// are the minimum a new writer needs (highest sequence number, replay).
/// </summary>
public sealed class OwnWritePathJournal : AsyncWriteJournal
{
    private const int MaxRowsPerTransaction = 1000;
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    private readonly string _connectionString;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    private sealed record PendingWrite(List<object[]> Rows, TaskCompletionSource Done);

    public OwnWritePathJournal(Config config)
    {
        _connectionString = config.GetString("connection-string");
        _writer = Task.Factory.StartNew(WriteLoopAsync, TaskCreationOptions.LongRunning).Unwrap();
    }

    protected override async Task<IImmutableList<Exception?>?> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var rows = new List<object[]>();
        var writer = Guid.NewGuid().ToString();
        foreach (var write in messages)
            foreach (var persistent in (IImmutableList<IPersistentRepresentation>)write.Payload)
            {
                var payload = persistent.Payload;
                var serializer = Context.System.Serialization.FindSerializerFor(payload);
                var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, payload);
                rows.Add([persistent.PersistenceId, persistent.SequenceNr, DateTime.UtcNow.Ticks, false, manifest,
                          serializer.ToBinary(payload), serializer.Identifier, persistent.WriterGuid ?? writer]);
            }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new PendingWrite(rows, done));
        await done.Task;
        return null;
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = await OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = RawInsert.Sql(IRunDatabase.JournalTable, i => $"@p{i}");
        var parameters = RawInsert.AddParameters(insert, i => $"@p{i}");
        var batch = new List<PendingWrite>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var rows = 0;
            while (rows < MaxRowsPerTransaction && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                rows += pending.Rows.Count;
            }
            try
            {
                using (var tx = connection.BeginTransaction())
                {
                    insert.Transaction = tx;
                    foreach (var row in batch.SelectMany(p => p.Rows))
                    {
                        for (var i = 0; i < row.Length; i++)
                            parameters[i].Value = row[i];
                        insert.ExecuteNonQuery();
                    }
                    tx.Commit();
                }
                foreach (var pending in batch)
                    pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                    pending.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT MAX(sequence_number) FROM {IRunDatabase.JournalTable} WHERE persistence_id = @id";
        select.Parameters.AddWithValue("@id", persistenceId);
        return await select.ExecuteScalarAsync() is long highest ? highest : 0;
    }

    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr,
        long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        await using var connection = await OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT sequence_number, manifest, message, identifier, writer_uuid FROM {IRunDatabase.JournalTable} " +
                             "WHERE persistence_id = @id AND sequence_number BETWEEN @from AND @to AND deleted = false ORDER BY sequence_number LIMIT @max";
        select.Parameters.AddWithValue("@id", persistenceId);
        select.Parameters.AddWithValue("@from", fromSequenceNr);
        select.Parameters.AddWithValue("@to", toSequenceNr);
        select.Parameters.AddWithValue("@max", Math.Min(max, long.MaxValue));
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var payload = context.System.Serialization.Deserialize(reader.GetFieldValue<byte[]>(2), reader.GetInt32(3), reader.GetString(1));
            recoveryCallback(new Persistent(payload, reader.GetInt64(0), persistenceId, reader.GetString(1), false, ActorRefs.NoSender, reader.GetString(4)));
        }
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the measuring prototype does not delete");

    protected override void PostStop()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(10));
        base.PostStop();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }
}
