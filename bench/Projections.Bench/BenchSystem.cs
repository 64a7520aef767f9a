using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// A local actor system with the node's own persistence (config/*.hocon through NodeHocon, PersistenceHosting) on a
/// fresh SQLite file or PostgreSQL database: the journal, the tag table and the read journal exactly as the node has them.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private const string BenchHocon = """
        akka.actor.provider = local
        akka.loglevel = WARNING
        """;

    private readonly IHost _host;

    private BenchSystem(IHost host, NodeOptions options) => (_host, Options) = (host, options);

    public NodeOptions Options { get; }

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public IEventsByTagQuery LiveJournal() => PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    public ICurrentEventsByTagQuery Journal() => PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    public static async Task<BenchSystem> StartAsync(string dataDirectory, string? postgres)
    {
        string[] args =
        [
            "--cluster-name", "projections-bench", "--node-name", "bench", "--remote-port", "0", "--http-port", "1",
            "--data-dir", dataDirectory, "--config-dir", Path.Combine(AppContext.BaseDirectory, "config"), "--log-level", "Warning",
            .. (postgres is null ? Array.Empty<string>() : ["--postgres", postgres]),
        ];
        var options = NodeOptionsParser.Parse(args, new Dictionary<string, string?>(), AppContext.BaseDirectory)!;
        Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFile)!);
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(options.ClusterName, (builder, _) =>
            {
                var shared = NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile);
                builder.AddHocon(shared, HoconAddMode.Prepend)
                    .WithNodePersistence(options, shared)
                    .AddHocon(ConfigurationFactory.ParseString(BenchHocon), HoconAddMode.Prepend);
            }))
            .Build();
        await host.StartAsync();
        return new BenchSystem(host, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
