using Akka.Configuration;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>The batched journal's plugin section (akka.persistence.journal.batched), checked when the journal starts.</summary>
public sealed record BatchedJournalSettings(
    JournalDatabaseKind Database,
    string ConnectionString,
    TimeSpan SqliteBusyTimeout,
    int MaxRowsPerTransaction,
    int MaxQueuedRows,
    TimeSpan StopTimeout,
    TimeSpan SchemaTimeout)
{
    public const string PluginId = "akka.persistence.journal.batched";
    public const string MaxRowsPerTransactionKey = PluginId + ".max-rows-per-transaction";
    public const string MaxQueuedRowsKey = PluginId + ".max-queued-rows";

    public static BatchedJournalSettings From(Config plugin)
    {
        var database = plugin.GetString("database") switch
        {
            "sqlite" => JournalDatabaseKind.Sqlite,
            "postgresql" => JournalDatabaseKind.Postgres,
            var other => throw new ConfigurationException($"{PluginId}.database must be sqlite or postgresql, not '{other}'"),
        };
        var connectionString = plugin.GetString("connection-string");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ConfigurationException($"{PluginId}.connection-string is empty");
        return new BatchedJournalSettings(
            database,
            connectionString,
            plugin.GetTimeSpan("sqlite-busy-timeout", TimeSpan.FromSeconds(5)),
            Positive(plugin, "max-rows-per-transaction", MaxRowsPerTransactionKey, 1000),
            Positive(plugin, "max-queued-rows", MaxQueuedRowsKey, 20_000),
            plugin.GetTimeSpan("stop-timeout", TimeSpan.FromSeconds(10)),
            plugin.GetTimeSpan("schema-timeout", TimeSpan.FromSeconds(30)));
    }

    private static int Positive(Config plugin, string key, string path, int fallback)
    {
        var value = plugin.GetInt(key, fallback);
        if (value <= 0) throw new ConfigurationException($"{path} must be a positive number, not {value}");
        return value;
    }
}

public enum JournalDatabaseKind { Sqlite, Postgres }
