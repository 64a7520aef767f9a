using Npgsql;

namespace MediaPlatform.Node.Persistence;

/// <summary>
/// A PostgreSQL session-level advisory lock that serialises schema creation between processes: nodes starting
/// together (and `Cluster.Node migrate`) take it before creating the journal tables, so two of them never run
/// CREATE TABLE at once (which fails one with 23505 on pg_type). Released when the connection closes, so a process
/// that dies while holding it cannot block the others.
/// </summary>
public sealed class SchemaLock : IAsyncDisposable
{
    /// <summary>The lock's key: any fixed number every process agrees on ("media-platform schema" in ASCII, truncated).</summary>
    public const long Key = 0x6D65_6469_6173_6368;

    private readonly NpgsqlConnection _connection;

    private SchemaLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<SchemaLock> AcquireAsync(string connectionString, TimeSpan timeout)
    {
        // Its own unpooled connection: the lock lives exactly as long as this connection.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection)
            {
                CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds),
            };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
            return new SchemaLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // Closing the session below releases it anyway.
        }
        await _connection.DisposeAsync();
    }
}
