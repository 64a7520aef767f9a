using Npgsql;
using NpgsqlTypes;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// The plugin's journal and tag tables in PostgreSQL. A batch is ONE statement and one round trip: the rows travel
/// as arrays, <c>unnest</c> turns them into journal rows, and the tag rows join the orderings the insert returns.
/// A single statement is its own transaction, so a batch is stored whole or not at all.
/// </summary>
public sealed class PostgresJournalDatabase(string connectionString) : IJournalDatabase
{
    private const string InsertBatch = """
        WITH inserted AS (
          INSERT INTO journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid)
          SELECT r.created, false, r.pid, r.seq, r.message, r.manifest, r.identifier, r.writer
          FROM unnest(@created, @pid, @seq, @message, @manifest, @identifier, @writer) AS r(created, pid, seq, message, manifest, identifier, writer)
          RETURNING ordering, persistence_id, sequence_number)
        INSERT INTO tags (ordering_id, tag, persistence_id, sequence_nr)
        SELECT inserted.ordering, t.tag, t.pid, t.seq
        FROM unnest(@tag_pid, @tag_seq, @tag) AS t(pid, seq, tag)
        JOIN inserted ON inserted.persistence_id = t.pid AND inserted.sequence_number = t.seq
        """;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task InsertAsync(IReadOnlyList<JournalRow> rows, CancellationToken cancellationToken)
    {
        var count = rows.Count;
        var (created, pid, seq, message) = (new long[count], new string[count], new long[count], new byte[count][]);
        var (manifest, identifier, writer) = (new string[count], new int[count], new string[count]);
        var (tagPid, tagSeq, tag) = (new List<string>(), new List<long>(), new List<string>());
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            (created[i], pid[i], seq[i], message[i]) = (row.Created, row.PersistenceId, row.SequenceNr, row.Message);
            (manifest[i], identifier[i], writer[i]) = (row.Manifest, row.Identifier, row.WriterUuid);
            foreach (var name in row.Tags)
            {
                tagPid.Add(row.PersistenceId);
                tagSeq.Add(row.SequenceNr);
                tag.Add(name);
            }
        }

        await using var command = _dataSource.CreateCommand(InsertBatch);
        command.Parameters.Add(new NpgsqlParameter<long[]>("created", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = created });
        command.Parameters.Add(new NpgsqlParameter<string[]>("pid", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = pid });
        command.Parameters.Add(new NpgsqlParameter<long[]>("seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = seq });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("message", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = message });
        command.Parameters.Add(new NpgsqlParameter<string[]>("manifest", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = manifest });
        command.Parameters.Add(new NpgsqlParameter<int[]>("identifier", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = identifier });
        command.Parameters.Add(new NpgsqlParameter<string[]>("writer", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = writer });
        command.Parameters.Add(new NpgsqlParameter<List<string>>("tag_pid", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = tagPid });
        command.Parameters.Add(new NpgsqlParameter<List<long>>("tag_seq", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = tagSeq });
        command.Parameters.Add(new NpgsqlParameter<List<string>>("tag", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = tag });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public bool IsDuplicateKey(Exception failure) => failure is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public async Task<bool> TablesExistAsync(CancellationToken cancellationToken)
    {
        await using var count = _dataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('journal', 'tags')");
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken)) == 2;
    }

    public async Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken)
    {
        await using var select = _dataSource.CreateCommand("SELECT MAX(sequence_number) FROM journal WHERE persistence_id = @pid");
        select.Parameters.AddWithValue("pid", persistenceId);
        return await select.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0;
    }

    public async Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<StoredEvent> onEvent)
    {
        if (max <= 0) return;
        await using var select = _dataSource.CreateCommand(
            "SELECT sequence_number, created, manifest, message, identifier, writer_uuid FROM journal " +
            "WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = false " +
            "ORDER BY sequence_number LIMIT @max");
        select.Parameters.AddWithValue("pid", persistenceId);
        select.Parameters.AddWithValue("from", fromSequenceNr);
        select.Parameters.AddWithValue("to", toSequenceNr);
        select.Parameters.AddWithValue("max", max);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            onEvent(new StoredEvent(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
    }

    public async Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("""
            UPDATE journal SET deleted = true WHERE persistence_id = @pid AND sequence_number <= @to;
            DELETE FROM journal WHERE persistence_id = @pid AND sequence_number <= @to AND sequence_number <
                (SELECT MAX(sequence_number) FROM journal WHERE persistence_id = @pid AND deleted = true);
            DELETE FROM tags WHERE persistence_id = @pid AND sequence_nr <= @to;
            """, connection, transaction);
        delete.Parameters.AddWithValue("pid", persistenceId);
        delete.Parameters.AddWithValue("to", toSequenceNr);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
