using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using LinqToDB;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Journal, snapshot store and read journal through Akka.Persistence.Sql: an embedded SQLite file by default,
/// PostgreSQL when a connection string is given. Tables are created on first start.
/// </summary>
public static class PersistenceHosting
{
    public const string SqliteProvider = "SQLite.MS";
    public const string PostgresProvider = "PostgreSQL.15";

    /// <summary>For hosts that build their actor system from shared HOCON without the rest of the node (the journal benchmark).</summary>
    public static AkkaConfigurationBuilder WithNodePersistence(this AkkaConfigurationBuilder builder, NodeOptions options, Akka.Configuration.Config sharedHocon) =>
        builder.WithNodePersistence(options, sharedHocon.GetTimeSpan(NodeSettings.SqliteBusyTimeoutPath, TimeSpan.FromSeconds(5)));

    public static AkkaConfigurationBuilder WithNodePersistence(this AkkaConfigurationBuilder builder, NodeOptions options, TimeSpan sqliteBusyTimeout)
    {
        var (provider, connectionString) = options.UsesPostgres
            ? (PostgresProvider, options.PostgresConnectionString!)
            : (SqliteProvider, SqliteConnections.ConnectionString(options.SqliteFile));

        var dataOptions = new DataOptions().UseConnectionString(provider, connectionString);
        if (!options.UsesPostgres)
            dataOptions = dataOptions.UseInterceptor(new SqliteConnectionTuning(sqliteBusyTimeout));

        return builder.WithSqlPersistence(
            new SqlJournalOptions(isDefaultPlugin: true)
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
    }
}
