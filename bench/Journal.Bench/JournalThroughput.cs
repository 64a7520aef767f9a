using Akka.Actor;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Events per second through the journal: N writers each persisting M events one at a time, timed from the first
/// command until every writer has its last event acknowledged.
/// </summary>
public static class JournalThroughput
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Writes into the node's journal with fresh persistence ids and returns events/s and CPU per event.</summary>
    public static async Task<Rate> MeasureAsync(ActorSystem system, string idPrefix, int actors, int eventsPerActor)
    {
        var writers = Enumerable.Range(0, actors)
            .Select(i => system.ActorOf(EventWriter.Props(RowSet.PersistenceId(idPrefix, i), eventsPerActor, BenchEvent.Sample)))
            .ToArray();

        var clock = new CpuClock();
        var finished = new List<Task<Finished>>(actors);
        foreach (var writer in writers)
        {
            for (var e = 1; e < eventsPerActor; e++)
                writer.Tell(Append.Instance);
            finished.Add(writer.Ask<Finished>(Append.Instance, Timeout));
        }
        await Task.WhenAll(finished);
        var rate = clock.Stop(actors * eventsPerActor);

        foreach (var writer in writers)
            system.Stop(writer);
        return rate;
    }
}
