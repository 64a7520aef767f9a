using Npgsql;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// PostgreSQL: every run gets a new database on the server (CREATE DATABASE), dropped when the run is over, so a
/// shared server (TEST_POSTGRES) is left as it was found. Owns the server only when it started it.
/// </summary>
public sealed class PostgresBackend(string serverConnectionString, PostgresServer? ownedServer) : IBackend
{
    public string Name => "PostgreSQL";

    public static async Task<PostgresBackend> ConnectAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return new PostgresBackend(fromEnvironment, ownedServer: null);
        var server = await PostgresServer.StartAsync(BenchPaths.RepoRoot);
        return new PostgresBackend(server.ConnectionString, server);
    }

    public async Task<IRunDatabase> CreateRunDatabaseAsync(int run)
    {
        var name = $"journal_bench_{Environment.ProcessId}_{run}";
        await ExecuteOnServerAsync($"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ToString();
        // The data directory only matters for SQLite; nothing is written there with a PostgreSQL journal.
        return new PostgresRunDatabase(BenchNodeOptions.For(Path.GetTempPath(), connectionString), () => DropAsync(name));
    }

    private async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools(); // idle pooled connections would hold the database open
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (ownedServer is not null)
            await ownedServer.DisposeAsync();
    }
}
