using MediaPlatform.Specs.Support.Processes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// The journal's schema is created once: `Cluster.Node migrate` makes the tables (and changes nothing the second
/// time), and three nodes started at the same instant on a fresh PostgreSQL database create them one after another
/// under the schema lock instead of racing (the race fails one with 23505 on pg_type).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class SchemaAtStartSpecs(ITestOutputHelper output)
{
    private static readonly string[] JournalTables = ["journal", "snapshot", "tags"];

    [Fact]
    public async Task Three_nodes_started_together_on_a_fresh_PostgreSQL_database_all_come_up_without_a_schema_race()
    {
        await using var journal = await FreshPostgresAsync("schemarace");
        Assert.Empty(await PostgresTablesAsync(journal.ConnectionString!));

        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, journal.ConnectionString));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        output.WriteLine($"3 nodes launched together on {journal.Description}: all Up in {cluster.SinceLaunch.Elapsed.TotalSeconds:0.0} s");

        foreach (var node in cluster.Nodes)
        {
            Assert.True(node.IsRunning, $"{node.Name} exited");
            var raceLines = node.Log.Where(l => l.Contains("23505") || l.Contains("initialization", StringComparison.OrdinalIgnoreCase) && l.Contains("Fail")).ToList();
            Assert.True(raceLines.Count == 0, $"{node.Name} logged a schema failure:\n{string.Join('\n', raceLines)}");
        }
        // The journal's tables, and the read model's, which the projections create at their first start under the same
        // kind of lock (no 23505 above).
        var tables = await PostgresTablesAsync(journal.ConnectionString!);
        Assert.Equal(JournalTables, tables.Where(t => JournalTables.Contains(t)));
        Assert.All(tables.Except(JournalTables), t => Assert.True(t.StartsWith("catalog_") || t.StartsWith("billing_") || t.StartsWith("semantic_") || t.StartsWith("views_") || t == "projection_offsets", $"unexpected table {t}"));
        cluster.MarkPassed();
    }

    [Fact]
    public async Task Migrate_creates_the_journal_tables_in_PostgreSQL_and_a_second_run_changes_nothing()
    {
        await using var journal = await FreshPostgresAsync("migrate");
        using var dir = new TempDirectory("migrate");

        for (var run = 1; run <= 2; run++)
        {
            var result = await NodeBinary.RunToExitAsync(["migrate", "--postgres", journal.ConnectionString!], dir.Path, SpecTimeouts.BadConfigurationExit);
            output.WriteLine($"run {run}: exit {result.ExitCode}: {string.Join(' ', result.StandardOutput)} {string.Join(' ', result.StandardError)}");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(JournalTables, await PostgresTablesAsync(journal.ConnectionString!));
        }
    }

    [Fact]
    public async Task Migrate_creates_the_journal_tables_in_a_new_SQLite_file()
    {
        using var dir = new TempDirectory("migrate");
        var file = dir.Combine("db", "journal.db");

        for (var run = 1; run <= 2; run++)
        {
            var result = await NodeBinary.RunToExitAsync(["migrate", "--sqlite-file", file], dir.Path, SpecTimeouts.BadConfigurationExit);
            Assert.True(result.ExitCode == 0, $"run {run}: exit {result.ExitCode}: {string.Join('\n', result.StandardError)}");
        }

        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        Assert.Equal(JournalTables, tables.Intersect(JournalTables).Order());
    }

    /// <summary>These specs are about PostgreSQL: without the test server they fail rather than pass on SQLite.</summary>
    private static async Task<SharedJournal> FreshPostgresAsync(string purpose)
    {
        var journal = await SharedJournal.CreateAsync(purpose);
        if (journal.ConnectionString is null)
            throw new InvalidOperationException($"{SharedJournal.ServerVariable} is not set: run through scripts/test.sh, which starts a throwaway PostgreSQL server");
        return journal;
    }

    private static async Task<List<string>> PostgresTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
