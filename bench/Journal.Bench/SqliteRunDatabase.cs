using System.Data.Common;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;
using Microsoft.Data.Sqlite;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// One SQLite file. The raw baseline uses the node's connection string and the same PRAGMAs as the journal's
/// connection hook (WAL, synchronous FULL), one connection (SQLite has one writer), and a prepared INSERT.
/// </summary>
public sealed class SqliteRunDatabase(NodeOptions options) : IRunDatabase
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    public NodeOptions NodeOptions => options;

    public async Task<DbConnection> OpenAsync()
    {
        var connection = new SqliteConnection(SqliteConnections.ConnectionString(options.SqliteFile));
        await connection.OpenAsync();
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = Pragmas;
        await pragmas.ExecuteNonQueryAsync();
        return connection;
    }

    public async Task CreateRawTableAsync()
    {
        await using var connection = await OpenAsync();
        // The journal's own DDL (table and its indexes) with the table renamed: same columns, types and unique key.
        var ddl = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT sql FROM sqlite_master WHERE tbl_name = '{IRunDatabase.JournalTable}' AND sql IS NOT NULL ORDER BY type DESC";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                ddl.Add(reader.GetString(0).Replace(IRunDatabase.JournalTable, IRunDatabase.RawTable, StringComparison.Ordinal));
        }
        if (ddl.Count == 0)
            throw new InvalidOperationException("the journal table does not exist; run the journal first");
        foreach (var statement in ddl)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = statement;
            await create.ExecuteNonQueryAsync();
        }
    }

    public async Task<Rate> RawInsertAsync(RowSet rows, string table = IRunDatabase.RawTable)
    {
        await using var connection = (SqliteConnection)await OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = RawInsert.Sql(table, Name);
        var parameters = RawInsert.AddParameters(insert, Name);
        var writer = Guid.NewGuid().ToString();

        var clock = new CpuClock();
        foreach (var chunk in rows.Rows().Chunk(RowSet.TransactionSize))
        {
            await using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            foreach (var (id, seq) in chunk)
            {
                var values = RawInsert.Values(rows, id, seq, writer);
                for (var i = 0; i < values.Length; i++)
                    parameters[i].Value = values[i];
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return clock.Stop(rows.Count);
    }

    public async Task<Rate> RawSelectAsync(string persistenceId, long expected)
    {
        await using var connection = (SqliteConnection)await OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = RawSelect.Sql("@p0");
        select.Parameters.AddWithValue("@p0", persistenceId);
        var clock = new CpuClock();
        await using (var reader = await select.ExecuteReaderAsync())
            RawSelect.ReadAll(reader, expected);
        return clock.Stop(expected);
    }

    private static string Name(int column) => $"@p{column}";

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
