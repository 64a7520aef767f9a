using System.Collections.Concurrent;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Node.Tests.Projections;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

[CollectionDefinition(Name)]
public sealed class JournalContractCollection : ICollectionFixture<JournalContractFixture>
{
    public const string Name = "JournalContract";
}

/// <summary>
/// One actor system with the node's persistence per (database, journal plugin) for the whole contract, started when a
/// case first asks for it; every case uses fresh persistence ids, so cases share the database without seeing each other.
/// </summary>
public sealed class JournalContractFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<(ReadModelDialect, string), Lazy<Task<Running>>> _journals = new();

    public async Task<JournalClient> JournalAsync(ReadModelDialect dialect, string pluginId) =>
        ClientFor((await RunningAsync(dialect, pluginId)).Host, pluginId);

    public async Task<PersistenceOnlyHost> HostAsync(ReadModelDialect dialect, string pluginId) =>
        (await RunningAsync(dialect, pluginId)).Host;

    /// <summary>
    /// A second actor system on the same database, for a case that may trip its journal's circuit breaker: the shared
    /// system's journal stays usable, so the case can read back through it. The caller disposes the host.
    /// </summary>
    public async Task<(PersistenceOnlyHost Host, JournalClient Journal)> StartSeparateAsync(ReadModelDialect dialect, string pluginId)
    {
        var database = (await RunningAsync(dialect, pluginId)).Database;
        var host = await PersistenceOnlyHost.StartAsync(database.Options, HoconFor(pluginId));
        return (host, ClientFor(host, pluginId));
    }

    private Task<Running> RunningAsync(ReadModelDialect dialect, string pluginId) =>
        _journals.GetOrAdd((dialect, pluginId), key => new Lazy<Task<Running>>(() => StartAsync(key.Item1, key.Item2))).Value;

    private static JournalClient ClientFor(PersistenceOnlyHost host, string pluginId) =>
        new(host.System, Akka.Persistence.Persistence.Instance.Apply(host.System).JournalFor(pluginId));

    private static async Task<Running> StartAsync(ReadModelDialect dialect, string pluginId)
    {
        var database = await ReadModelTestDatabase.CreateAsync(dialect);
        var host = await PersistenceOnlyHost.StartAsync(database.Options, HoconFor(pluginId));
        // The journal's first answer creates its tables (the plugin's DDL): taken here, before any case's clock runs.
        await ClientFor(host, pluginId).ReplayAsync(JournalClient.NewPersistenceId());
        return new Running(database, host);
    }

    // The circuit breaker's call timeout raised to the client's: under CI load one slow write must not open the
    // breaker and fail every case after it.
    private static string HoconFor(string pluginId) => $"""
                                                       {JournalUnderTest.PluginHocon(pluginId)}
                                                       {ContractEventTagger.JournalHocon(pluginId)}
                                                       {pluginId}.circuit-breaker.call-timeout = {(int)JournalClient.Timeout.TotalSeconds}s
                                                       """;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // A journal that failed to start (e.g. no PostgreSQL server) has already failed its cases.
        foreach (var journal in _journals.Values.Where(j => j.IsValueCreated && j.Value.IsCompletedSuccessfully))
        {
            var running = await journal.Value;
            await running.Host.DisposeAsync();
            await running.Database.DisposeAsync();
        }
    }

    private sealed record Running(ReadModelTestDatabase Database, PersistenceOnlyHost Host);
}
