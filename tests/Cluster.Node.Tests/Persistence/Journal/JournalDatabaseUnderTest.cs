using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;
using MediaPlatform.Node.Persistence.Journal;
using MediaPlatform.Node.Tests.Projections;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing;
using Npgsql;

namespace MediaPlatform.Node.Tests.Persistence.Journal;

/// <summary>
/// A fresh SQLite file or PostgreSQL schema with the plugin's tables (created by the plugin, as on a node), the
/// node's persistence host on it, and plain SQL to look at what was stored.
/// </summary>
public sealed class JournalDatabaseUnderTest : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private JournalDatabaseUnderTest(TempDirectory dir, NodeOptions options, PersistenceOnlyHost host)
    {
        (_dir, Options, Host) = (dir, options, host);
    }

    public NodeOptions Options { get; }

    public PersistenceOnlyHost Host { get; }

    public static async Task<JournalDatabaseUnderTest> StartAsync(bool postgres)
    {
        var dir = new TempDirectory();
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"));
        if (postgres)
        {
            var connectionString = TestPostgres.ConnectionString();
            var schema = $"s{Guid.NewGuid():N}"[..12];
            TestPostgres.Execute(connectionString, $"CREATE SCHEMA {schema}");
            options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"), "--postgres", $"{connectionString};Search Path={schema}");
        }
        else
        {
            Directory.CreateDirectory(Path.Combine(dir.Path, "data"));
        }
        var host = await PersistenceOnlyHost.StartAsync(options);
        await PluginSchema.EnsureAsync(host.System, TimeSpan.FromSeconds(30));
        return new JournalDatabaseUnderTest(dir, options, host);
    }

    /// <summary>The batched journal's database access on the same tables, outside any actor.</summary>
    public IJournalDatabase OpenDatabase() => Options.UsesPostgres
        ? new PostgresJournalDatabase(Options.PostgresConnectionString!)
        : new SqliteJournalDatabase(SqliteConnections.ConnectionString(Options.SqliteFile), TimeSpan.FromSeconds(5));

    /// <summary>Rows of a query, each as its column values.</summary>
    public async Task<List<object[]>> QueryAsync(string sql)
    {
        await using var connection = Options.UsesPostgres
            ? (System.Data.Common.DbConnection)new NpgsqlConnection(Options.PostgresConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(SqliteConnections.ConnectionString(Options.SqliteFile));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _dir.Dispose();
    }
}
