using Npgsql;

namespace MediaPlatform.Specs.Support.Processes;

/// <summary>
/// The journal every node of a spec cluster shares: a new PostgreSQL database on the server scripts/test.sh starts
/// (TEST_POSTGRES), dropped on dispose, so specs never see each other's events and the server is left as found.
/// Without TEST_POSTGRES (a bare `dotnet test`) the cluster falls back to its shared SQLite file.
/// </summary>
public sealed class SharedJournal : IAsyncDisposable
{
    public const string ServerVariable = "TEST_POSTGRES";
    private readonly string? _serverConnectionString;
    private readonly string? _database;

    private SharedJournal(string? serverConnectionString, string? database, string? connectionString)
    {
        (_serverConnectionString, _database, ConnectionString) = (serverConnectionString, database, connectionString);
    }

    /// <summary>The PostgreSQL connection string to give <see cref="NodeProcessCluster.StartAsync"/>; null means SQLite.</summary>
    public string? ConnectionString { get; }

    public string Description => _database is null
        ? $"SQLite file shared by every node ({ServerVariable} not set)"
        : $"PostgreSQL database {_database}, shared by every node";

    public static async Task<SharedJournal> CreateAsync(string purpose)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server)) return new SharedJournal(null, null, null);
        var database = $"{purpose}_{Guid.NewGuid():N}"[..(purpose.Length + 13)].ToLowerInvariant();
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
        return new SharedJournal(server, database, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverConnectionString is null || _database is null) return;
        try
        {
            NpgsqlConnection.ClearAllPools(); // pooled connections of this process would keep the database open
            await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
        }
        catch (NpgsqlException)
        {
            // A leftover database on a throwaway server must not turn a passing spec red.
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
