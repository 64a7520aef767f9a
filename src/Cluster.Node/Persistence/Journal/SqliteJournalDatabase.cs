using Microsoft.Data.Sqlite;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// The plugin's journal and tag tables in a SQLite file. Writes go through one long-lived connection (the journal's
/// single writer), each batch in a <c>BEGIN IMMEDIATE</c> transaction with prepared statements reused row after row.
/// Every connection runs the node's PRAGMAs (<see cref="SqliteConnectionTuning"/>): WAL, synchronous FULL, and a busy
/// timeout, so a node sharing the file with others waits for the write lock instead of failing.
/// </summary>
public sealed class SqliteJournalDatabase(string connectionString, TimeSpan busyTimeout) : IJournalDatabase
{
    private const string InsertEvent =
        "INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid) " +
        "VALUES (@created, 0, @pid, @seq, @message, @manifest, @identifier, @writer)";

    private const string InsertTag = "INSERT INTO tags (ordering_id, tag, persistence_id, sequence_nr) VALUES (@ordering, @tag, @pid, @seq)";

    private WriterConnection? _writer;

    /// <summary>The writer's connection and its statements, prepared once and reused by every batch.</summary>
    private sealed class WriterConnection(SqliteConnection connection) : IAsyncDisposable
    {
        public SqliteConnection Connection { get; } = connection;
        public SqliteCommand Untagged { get; } = EventCommand(connection, InsertEvent);
        public SqliteCommand Tagged { get; } = EventCommand(connection, InsertEvent + " RETURNING ordering");
        public SqliteCommand Tag { get; } = TagCommand(connection);

        public void Use(SqliteTransaction transaction) =>
            (Untagged.Transaction, Tagged.Transaction, Tag.Transaction) = (transaction, transaction, transaction);

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { Untagged, Tagged, Tag })
                await command.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }

    public async Task InsertAsync(IReadOnlyList<JournalRow> rows, CancellationToken cancellationToken)
    {
        _writer ??= new WriterConnection(await OpenAsync(cancellationToken));
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = _writer.Connection.BeginTransaction(deferred: false);
            _writer.Use(transaction);
            var tag = _writer.Tag.Parameters;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested(); // the journal is stopping: roll back, fail the batch
                if (row.Tags.Count == 0)
                {
                    Bind(_writer.Untagged, row);
                    _writer.Untagged.ExecuteNonQuery();
                    continue;
                }
                Bind(_writer.Tagged, row);
                tag[0].Value = (long)_writer.Tagged.ExecuteScalar()!;
                (tag[2].Value, tag[3].Value) = (row.PersistenceId, row.SequenceNr);
                foreach (var name in row.Tags)
                {
                    tag[1].Value = name;
                    _writer.Tag.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
        catch
        {
            // A fresh connection for the next batch: whatever state this one was left in does not carry over.
            await _writer.DisposeAsync();
            _writer = null;
            throw;
        }
    }

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
    public bool IsDuplicateKey(Exception failure) => failure is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    private static SqliteCommand EventCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("@created", SqliteType.Integer);
        command.Parameters.Add("@pid", SqliteType.Text);
        command.Parameters.Add("@seq", SqliteType.Integer);
        command.Parameters.Add("@message", SqliteType.Blob);
        command.Parameters.Add("@manifest", SqliteType.Text);
        command.Parameters.Add("@identifier", SqliteType.Integer);
        command.Parameters.Add("@writer", SqliteType.Text);
        return command;
    }

    private static SqliteCommand TagCommand(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = InsertTag;
        command.Parameters.Add("@ordering", SqliteType.Integer);
        command.Parameters.Add("@tag", SqliteType.Text);
        command.Parameters.Add("@pid", SqliteType.Text);
        command.Parameters.Add("@seq", SqliteType.Integer);
        return command;
    }

    private static void Bind(SqliteCommand command, JournalRow row)
    {
        var p = command.Parameters;
        p[0].Value = row.Created;
        p[1].Value = row.PersistenceId;
        p[2].Value = row.SequenceNr;
        p[3].Value = row.Message;
        p[4].Value = row.Manifest;
        p[5].Value = row.Identifier;
        p[6].Value = row.WriterUuid;
    }

    public async Task<bool> TablesExistAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journal', 'tags')";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) == 2;
    }

    public async Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT MAX(sequence_number) FROM journal WHERE persistence_id = @pid";
        select.Parameters.AddWithValue("@pid", persistenceId);
        return await select.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0;
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<StoredEvent> onEvent)
    {
        if (max <= 0) return;
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT sequence_number, created, manifest, message, identifier, writer_uuid FROM journal " +
            "WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = 0 " +
            "ORDER BY sequence_number LIMIT @max";
        select.Parameters.AddWithValue("@pid", persistenceId);
        select.Parameters.AddWithValue("@from", fromSequenceNr);
        select.Parameters.AddWithValue("@to", toSequenceNr);
        select.Parameters.AddWithValue("@max", max);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            onEvent(new StoredEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), (byte[])reader.GetValue(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
    }

    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = """
            UPDATE journal SET deleted = 1 WHERE persistence_id = @pid AND sequence_number <= @to;
            DELETE FROM journal WHERE persistence_id = @pid AND sequence_number <= @to AND sequence_number <
                (SELECT MAX(sequence_number) FROM journal WHERE persistence_id = @pid AND deleted = 1);
            DELETE FROM tags WHERE persistence_id = @pid AND sequence_nr <= @to;
            """;
        delete.Parameters.AddWithValue("@pid", persistenceId);
        delete.Parameters.AddWithValue("@to", toSequenceNr);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        transaction.Commit();
    }

    /// <summary>
    /// A tuned connection, opened off the caller's thread: Microsoft.Data.Sqlite runs synchronously, so without the yield
    /// a read, or a delete waiting for the write lock (BEGIN IMMEDIATE), would run on the journal actor's thread and hold
    /// up every entity's writes meanwhile.
    /// </summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = SqliteConnectionTuning.PragmasFor(busyTimeout);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
    }
}
