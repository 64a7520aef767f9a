using Microsoft.Data.Sqlite;

namespace MediaPlatform.Bench.Journal;

/// <summary>SQLite: every run gets a new database file in its own temp folder, removed at the end.</summary>
public sealed class SqliteBackend : IBackend
{
    private readonly TempDirectory _root = new("journal-bench-sqlite");

    public string Name => "SQLite";

    public Task<IRunDatabase> CreateRunDatabaseAsync(int run)
    {
        var dir = Directory.CreateDirectory(_root.Combine($"run{run}"));
        return Task.FromResult<IRunDatabase>(new SqliteRunDatabase(BenchNodeOptions.For(dir.FullName, postgresConnectionString: null)));
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        _root.Dispose();
        return ValueTask.CompletedTask;
    }
}
