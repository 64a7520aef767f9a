using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Persistence;
using Microsoft.Extensions.Hosting;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>A local actor system with the node's persistence (journal, tag table, read journal) on the spec's database, and nothing else.</summary>
public sealed class PersistenceOnlyHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PersistenceOnlyHost(IHost host) => _host = host;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public IEventsByTagQuery ReadJournal() => PersistenceQuery.Get(System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    /// <param name="extraHocon">Settings laid over the defaults, e.g. another journal plugin or event-adapter bindings.</param>
    public static async Task<PersistenceOnlyHost> StartAsync(NodeOptions options, string extraHocon = "",
        JournalWritePath writePath = JournalWritePath.Batched)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka($"projection-spec-{Guid.NewGuid():N}"[..24], akka => akka
            .AddHocon("""
                      akka.actor.provider = local
                      akka.loglevel = WARNING
                      akka.persistence.query.journal.sql.refresh-interval = 100ms
                      akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 100ms
                      """, HoconAddMode.Prepend)
            .AddHocon(extraHocon, HoconAddMode.Prepend)
            .WithNodePersistence(options, TimeSpan.FromSeconds(5), writePath));
        var host = builder.Build();
        await host.StartAsync();
        return new PersistenceOnlyHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
