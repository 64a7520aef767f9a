using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using Npgsql;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// A fresh database for one spec: a SQLite file in a temp directory, or a new PostgreSQL database on the test server
/// (TEST_POSTGRES), dropped on dispose. <see cref="Options"/> points a node's persistence at it.
/// </summary>
public sealed class ReadModelTestDatabase : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string? _server;
    private readonly string? _name;

    private ReadModelTestDatabase(ReadModelDialect dialect, string? server, string? name, string? connectionString)
    {
        (Dialect, _server, _name) = (dialect, server, name);
        Options = TestOptions.LocalNode(Path.Combine(_dir.Path, "data"), connectionString is null ? [] : ["--postgres", connectionString]);
        Directory.CreateDirectory(Path.GetDirectoryName(Options.SqliteFile)!);
        Database = ProjectionHosting.DatabaseFor(Options, TimeSpan.FromSeconds(5));
    }

    public ReadModelDialect Dialect { get; }
    public NodeOptions Options { get; }
    public ReadModelDatabase Database { get; }
    public string BlobDirectory => Path.Combine(_dir.Path, "blobs");

    public static async Task<ReadModelTestDatabase> CreateAsync(ReadModelDialect dialect)
    {
        if (dialect == ReadModelDialect.Sqlite) return new ReadModelTestDatabase(dialect, null, null, null);
        var server = TestPostgres.ConnectionString();
        var name = $"readmodel_{Guid.NewGuid():N}"[..24];
        TestPostgres.Execute(server, $"CREATE DATABASE {name}");
        await Task.CompletedTask;
        return new ReadModelTestDatabase(dialect, server, name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    /// <summary>
    /// A real node on <paramref name="clock"/> with <paramref name="hocon"/> added to its settings, whose journal and
    /// read models are this PostgreSQL database (on SQLite the node keeps its own file, as every test node does).
    /// </summary>
    public async Task<TestNode> StartNodeAsync(IClock clock, string hocon)
    {
        var config = Path.Combine(_dir.Path, $"node-{Guid.NewGuid():N}.hocon");
        await File.WriteAllTextAsync(config, hocon);
        string[] postgres = Options.UsesPostgres ? ["--postgres", Options.PostgresConnectionString!] : [];
        return await TestNode.StartAsync(clock, ["--config", config, .. postgres]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            try { TestPostgres.Execute(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)"); }
            catch (NpgsqlException) { /* a leftover database on a throwaway server */ }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        await Task.CompletedTask;
        _dir.Dispose();
    }
}
