using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// The same writers on Akka's in-memory journal (no database, no serialization, no batching): what Persist itself
/// costs — the actor, its stash, the journal actor's messages. No journal backed by a database can go below it.
/// </summary>
public static class PersistFloor
{
    private const string Hocon = """
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
        """;

    public static async Task<Rate> MeasureAsync(BenchOptions options)
    {
        using var system = ActorSystem.Create("persist-floor", ConfigurationFactory.ParseString(Hocon));
        await JournalThroughput.MeasureAsync(system, "warm", options.Actors, Math.Min(10, options.EventsPerActor));
        var rate = await JournalThroughput.MeasureAsync(system, "bench", options.Actors, options.EventsPerActor);
        await system.Terminate();
        return rate;
    }
}
