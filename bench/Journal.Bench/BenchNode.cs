using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Persistence.Journal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// An actor system whose persistence is configured by the node's own code (<see cref="PersistenceHosting"/> and
/// config/*.hocon through <see cref="NodeHocon"/>), minus the cluster: the journal path is identical, and a local
/// provider keeps remoting and membership out of the measurement.
/// </summary>
public sealed class BenchNode : IAsyncDisposable
{
    // Prepended after the node's HOCON, so these win: no cluster, our event type known to the serializer, and no
    // INFO lines (shutdown notices) in the middle of the results.
    private const string BenchHocon = """
        akka.actor.provider = local
        akka.loglevel = WARNING
        media-platform.serialization.extra-assemblies = ["Journal.Bench"]
        """;

    private readonly IHost _host;

    private BenchNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
    }

    public ActorSystem System { get; }

    public static async Task<BenchNode> StartAsync(NodeOptions options, string? overrides = null)
    {
        var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka(options.ClusterName, (builder, _) =>
            {
                // Same order as AddNodeAkka: shared HOCON, then the persistence plugins (their generated keys are
                // prepended on top, their defaults appended below), then the bench's own overrides last.
                // The overrides are also laid over the shared HOCON, which the node's code reads its own settings
                // from (e.g. which journal writes).
                var loaded = NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile);
                var shared = overrides is null ? loaded : ConfigurationFactory.ParseString(overrides).WithFallback(loaded);
                builder
                    .AddHocon(shared, HoconAddMode.Prepend)
                    .WithNodePersistence(options, shared)
                    .AddHocon(ConfigurationFactory.ParseString(BenchHocon), HoconAddMode.Prepend);
                if (overrides is not null)
                    builder.AddHocon(ConfigurationFactory.ParseString(overrides), HoconAddMode.Prepend);
            }))
            .Build();
        await host.StartAsync();
        return new BenchNode(host);
    }

    /// <summary>The journal settings actually in effect, to show in the report what was measured.</summary>
    public string JournalSettings()
    {
        var config = System.Settings.Config;
        var writer = config.GetString("akka.persistence.journal.plugin");
        var plugin = config.GetConfig("akka.persistence.journal.sql");
        var batched = config.GetConfig(BatchedJournalSettings.PluginId);
        return $"writes through {writer} (max-rows-per-transaction {batched.GetInt("max-rows-per-transaction")}, " +
               $"max-queued-rows {batched.GetInt("max-queued-rows")}); Akka.Persistence.Sql for comparison: provider {plugin.GetString("provider-name")}, " +
               $"parallelism {plugin.GetInt("parallelism")}, batch-size {plugin.GetInt("batch-size")}, buffer-size {plugin.GetInt("buffer-size")}, " +
               $"tags {plugin.GetString("tag-write-mode")}; serializer {System.Serialization.FindSerializerForType(typeof(BenchEvent)).GetType().Name}";
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
