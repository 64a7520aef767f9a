using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using Npgsql;

namespace MediaPlatform.Node.Persistence;

/// <summary>
/// Creates the journal, tag and snapshot tables once, with Akka.Persistence.Sql's own DDL: a short-lived local actor
/// system with the node's persistence settings recovers a <see cref="SchemaProbe"/>, which makes the journal and the
/// snapshot store initialise their tables. On PostgreSQL this runs under <see cref="SchemaLock"/>, so processes
/// starting together create the schema one after another; whoever comes second finds the tables and creates
/// nothing. Idempotent: `Cluster.Node migrate` runs exactly this, and so does every node before it starts.
/// </summary>
public static class JournalSchema
{
    /// <summary>media-platform.persistence.schema-lock: off lets nodes create tables concurrently (the old race).</summary>
    public const string LockPath = "media-platform.persistence.schema-lock";

    public static bool LockEnabled(Akka.Configuration.Config hocon) => !hocon.HasPath(LockPath) || hocon.GetBoolean(LockPath);

    /// <returns>What was done, for the log ("PostgreSQL database x", "SQLite file y").</returns>
    public static async Task<string> EnsureAsync(NodeOptions options, NodeConfiguration configuration, TimeSpan timeout)
    {
        // A restart (the usual case) finds the tables and skips the lock and the short-lived actor system.
        if (!options.UsesPostgres || !await PostgresTablesExistAsync(options.PostgresConnectionString!))
        {
            await using var schemaLock = options.UsesPostgres
                ? await SchemaLock.AcquireAsync(options.PostgresConnectionString!, timeout)
                : null;
            await InitializeTablesAsync(options, configuration, timeout);
        }
        return options.UsesPostgres
            ? $"PostgreSQL database {new NpgsqlConnectionStringBuilder(options.PostgresConnectionString).Database ?? "(default)"}"
            : $"SQLite file {options.SqliteFile}";
    }

    /// <summary>The plugin's default table names in the connection's schema; other names just take the slow path.</summary>
    private static async Task<bool> PostgresTablesExistAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('journal', 'snapshot', 'tags')",
            connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync()) == 3;
    }

    private static async Task InitializeTablesAsync(NodeOptions options, NodeConfiguration configuration, TimeSpan timeout)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka($"{options.ClusterName}-schema", akka => akka
            .AddHocon(configuration.Hocon, HoconAddMode.Prepend)
            // A local system: no cluster, no remoting, quiet unless something is wrong.
            .AddHocon("""
                      akka.actor.provider = local
                      akka.loglevel = WARNING
                      akka.stdout-loglevel = WARNING
                      """, HoconAddMode.Prepend)
            .WithNodePersistence(options, configuration.Settings.SqliteBusyTimeout, configuration.Settings.JournalWritePath));
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var answer = await system.ActorOf(Props.Create(() => new ProbeAsker(timeout)), "schema")
                .Ask<object>(ProbeAsker.Start.Instance, timeout + TimeSpan.FromSeconds(1));
            if (answer is Status.Failure failure) throw new SchemaException(failure.Cause.Message, failure.Cause);
        }
        catch (AskTimeoutException)
        {
            throw new SchemaException($"the journal's tables were not ready within {timeout.TotalSeconds:0} s", null);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>Starts the probe and watches it: a journal that fails to initialise stops the probe without an answer.</summary>
    private sealed class ProbeAsker : ReceiveActor
    {
        public sealed class Start
        {
            public static readonly Start Instance = new();
        }

        private IActorRef _asker = ActorRefs.Nobody;

        public ProbeAsker(TimeSpan timeout)
        {
            Receive<Start>(_ =>
            {
                _asker = Sender;
                Context.Watch(Context.ActorOf(SchemaProbe.Props(Self), "probe"));
                Context.SetReceiveTimeout(timeout);
            });
            Receive<SchemaProbe.Ready>(ready =>
            {
                _asker.Tell(ready);
                Become(() => ReceiveAny(_ => { }));
            });
            Receive<Status.Failure>(failure => _asker.Tell(failure));
            Receive<Terminated>(_ => _asker.Tell(new Status.Failure(new SchemaException("the journal or snapshot store failed to initialise its tables (see the log above)", null))));
            Receive<ReceiveTimeout>(_ => _asker.Tell(new Status.Failure(new SchemaException($"the journal's tables were not ready within {timeout.TotalSeconds:0} s", null))));
        }
    }
}
