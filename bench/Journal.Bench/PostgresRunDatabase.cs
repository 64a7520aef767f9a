using System.Data.Common;
using MediaPlatform.Node.Configuration;
using Npgsql;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// One PostgreSQL database. The raw baseline writes from 8 connections at once, each sending 100-row transactions as
/// one NpgsqlBatch, with the server's default durability (synchronous_commit on).
/// </summary>
public sealed class PostgresRunDatabase(NodeOptions options, Func<Task> drop) : IRunDatabase
{
    private const int Connections = 8;

    public NodeOptions NodeOptions => options;

    public async Task<DbConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task CreateRawTableAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        // Same columns, defaults, primary key and unique index as the journal table.
        command.CommandText = $"CREATE TABLE {IRunDatabase.RawTable} (LIKE {IRunDatabase.JournalTable} INCLUDING ALL)";
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Rate> RawInsertAsync(RowSet rows, string table = IRunDatabase.RawTable)
    {
        var sql = RawInsert.Sql(table, column => $"${column + 1}");
        var connections = new NpgsqlConnection[Connections];
        for (var i = 0; i < Connections; i++)
            connections[i] = (NpgsqlConnection)await OpenAsync(); // opened before the clock starts, like the journal's warm pool
        try
        {
            var clock = new CpuClock();
            await Task.WhenAll(connections.Select((connection, i) => InsertShareAsync(connection, sql, rows, i)));
            return clock.Stop(rows.Count);
        }
        finally
        {
            foreach (var connection in connections)
                await connection.DisposeAsync();
        }
    }

    private static async Task InsertShareAsync(NpgsqlConnection connection, string sql, RowSet rows, int share)
    {
        var writer = Guid.NewGuid().ToString();
        foreach (var chunk in rows.Rows(share, Connections).Chunk(RowSet.TransactionSize))
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, tx);
            foreach (var (id, seq) in chunk)
            {
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in RawInsert.Values(rows, id, seq, writer))
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }

    public async Task<Rate> RawSelectAsync(string persistenceId, long expected)
    {
        await using var connection = await OpenAsync();
        await using var select = new NpgsqlCommand(RawSelect.Sql("$1"), (NpgsqlConnection)connection);
        select.Parameters.Add(new NpgsqlParameter { Value = persistenceId });
        var clock = new CpuClock();
        await using (var reader = await select.ExecuteReaderAsync())
            RawSelect.ReadAll(reader, expected);
        return clock.Stop(expected);
    }

    public async ValueTask DisposeAsync() => await drop();
}
