using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;
using MediaPlatform.Node.Persistence.Journal;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Journal, snapshot store and read journal: an embedded SQLite file by default, PostgreSQL when a connection string
/// is given. Events are written by the node's batching journal (<see cref="BatchedSqlJournal"/>, the default) or by
/// Akka.Persistence.Sql's (journal-write-path = plugin); both use the plugin's tables, which the plugin creates,
/// and the plugin's snapshot store and read journal serve everything else.
/// </summary>
public static class PersistenceHosting
{
    public const string SqliteProvider = "SQLite.MS";
    public const string PostgresProvider = "PostgreSQL.15";

    /// <summary>Every journal that may write events: event adapters (taggers) are bound on each.</summary>
    public static readonly IReadOnlyList<string> JournalPluginIds = [PluginSchema.PluginJournalId, BatchedJournalSettings.PluginId];

    /// <summary>An event tagger's bindings (<paramref name="bindingHocon"/> for a journal path) on every journal that may write.</summary>
    public static Config EventAdapterHocon(Func<string, string> bindingHocon) =>
        ConfigurationFactory.ParseString(string.Join("\n", JournalPluginIds.Select(bindingHocon)));

    /// <summary>For hosts that build their actor system from shared HOCON without the rest of the node (the journal benchmark).</summary>
    public static AkkaConfigurationBuilder WithNodePersistence(this AkkaConfigurationBuilder builder, NodeOptions options, Config sharedHocon) =>
        builder.WithNodePersistence(options, sharedHocon.GetTimeSpan(NodeSettings.SqliteBusyTimeoutPath, TimeSpan.FromSeconds(5)),
            JournalWritePaths.From(sharedHocon));

    public static AkkaConfigurationBuilder WithNodePersistence(this AkkaConfigurationBuilder builder, NodeOptions options, TimeSpan sqliteBusyTimeout,
        JournalWritePath writePath = JournalWritePath.Batched)
    {
        var (provider, connectionString) = options.UsesPostgres
            ? (PostgresProvider, options.PostgresConnectionString!)
            : (SqliteProvider, SqliteConnections.ConnectionString(options.SqliteFile));

        var dataOptions = new DataOptions().UseConnectionString(provider, connectionString);
        if (!options.UsesPostgres)
            dataOptions = dataOptions.UseInterceptor(new SqliteConnectionTuning(sqliteBusyTimeout));

        builder.WithSqlPersistence(
            new SqlJournalOptions(isDefaultPlugin: writePath == JournalWritePath.Plugin)
            {
                ConnectionString = connectionString,
                ProviderName = provider,
                DataOptions = dataOptions,
                AutoInitialize = true,
            },
            new SqlSnapshotOptions(isDefaultPlugin: true)
            {
                ConnectionString = connectionString,
                ProviderName = provider,
                DataOptions = dataOptions,
                AutoInitialize = true,
            });
        return builder.AddHocon(BatchedJournalHocon(options, connectionString, sqliteBusyTimeout, writePath), HoconAddMode.Prepend);
    }

    /// <summary>
    /// The batched journal's plugin section: what it is and where it connects. Its tuning (batch size, queue bound)
    /// is in config/persistence.hocon, with the same defaults in <see cref="BatchedJournalSettings"/> for hosts that
    /// load no HOCON files.
    /// </summary>
    private static Config BatchedJournalHocon(NodeOptions options, string connectionString, TimeSpan sqliteBusyTimeout, JournalWritePath writePath)
    {
        var defaultPlugin = writePath == JournalWritePath.Batched ? $"akka.persistence.journal.plugin = \"{BatchedJournalSettings.PluginId}\"" : "";
        return ConfigurationFactory.ParseString($$"""
            {{defaultPlugin}}
            {{BatchedJournalSettings.PluginId}} {
              class = "{{typeof(BatchedSqlJournal).FullName}}, {{typeof(BatchedSqlJournal).Assembly.GetName().Name}}"
              plugin-dispatcher = "akka.actor.default-dispatcher"
              # The unique (persistence id, sequence number) index keeps one history per entity: replay what is
              # stored (see journal.sql's replay-filter in config/persistence.hocon).
              replay-filter.mode = off
              database = {{(options.UsesPostgres ? "postgresql" : "sqlite")}}
              connection-string = {{Quoted(connectionString)}}
              sqlite-busy-timeout = {{(long)sqliteBusyTimeout.TotalMilliseconds}}ms
            }
            """);
    }

    /// <summary>A HOCON quoted string: a connection string may hold quotes, backslashes, '=' or '#'.</summary>
    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
