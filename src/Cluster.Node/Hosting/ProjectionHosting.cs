using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Actors.Projections.Billing;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Projections.Semantic;
using MediaPlatform.Actors.Projections.Views;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Read models: the database they share with the journal, their schema, the search over the catalog, and the
/// projections singleton (<see cref="ProjectionSupervisor"/>) that runs each projection once in the cluster.
/// </summary>
public static class ProjectionHosting
{
    public static IServiceCollection AddReadModels(this IServiceCollection services, NodeOptions options, NodeSettings settings)
    {
        services.AddSingleton(_ => DatabaseFor(options, settings.SqliteBusyTimeout));
        services.AddSingleton<IProjection>(sp => new CatalogProjection(sp.GetRequiredService<IBlobStore>()));
        services.AddSingleton<IProjection, BillingProjection>();
        services.AddSingleton<IProjection, ViewsProjection>();
        // The model is one per process (a node): loaded on first use by the projection or a query, never at start-up.
        services.AddSingleton<ITextEmbedder>(MiniLmEmbedder.Shared);
        services.AddSingleton(settings.SemanticSearch);
        if (settings.SemanticSearch.Enabled)
            services.AddSingleton<IProjection>(sp => new SemanticProjection(sp.GetRequiredService<IBlobStore>(),
                sp.GetRequiredService<ITextEmbedder>(), settings.SemanticSearch));
        services.AddSingleton(sp => new ReadModelSchema(sp.GetRequiredService<ReadModelDatabase>(), sp.GetServices<IProjection>().ToList()));
        services.AddSingleton<ICatalogSearch>(sp => options.UsesPostgres
            ? new PostgresCatalogSearch(sp.GetRequiredService<ReadModelSchema>())
            : new SqliteCatalogSearch(sp.GetRequiredService<ReadModelSchema>()));
        services.AddSingleton<BillingReportReader>();
        services.AddSingleton<DailyViewsReader>();
        services.AddSingleton(sp =>
        {
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger<SemanticIndex>();
            return new SemanticIndex(sp.GetRequiredService<ReadModelSchema>(), settings.SemanticSearch.MaxVectors, m => log.LogWarning("{Warning}", m));
        });
        services.AddSingleton(sp => new HybridCatalogSearch(sp.GetRequiredService<ICatalogSearch>(), sp.GetRequiredService<SemanticIndex>(),
            sp.GetRequiredService<ITextEmbedder>(), sp.GetRequiredService<ReadModelSchema>(), settings.SemanticSearch));
        return services;
    }

    /// <summary>The journal's own database: rows and offsets can only commit together there.</summary>
    public static ReadModelDatabase DatabaseFor(NodeOptions options, TimeSpan sqliteBusyTimeout) => options.UsesPostgres
        ? new ReadModelDatabase(ReadModelDialect.Postgres, () => new NpgsqlConnection(options.PostgresConnectionString), sqliteBusyTimeout)
        : new ReadModelDatabase(ReadModelDialect.Sqlite, () => new SqliteConnection(SqliteConnections.ConnectionString(options.SqliteFile)), sqliteBusyTimeout);

    public static AkkaConfigurationBuilder WithProjections(this AkkaConfigurationBuilder builder, NodeSettings settings) => builder
        .WithSingleton<EntityRegions.ProjectionsProxy>(ProjectionSupervisor.Name, (system, _, resolver) =>
                ProjectionSupervisor.PropsFor(resolver.GetService<ReadModelSchema>(),
                    () => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier), settings.Projections),
            new ClusterSingletonOptions(), createProxyToo: true);
}
