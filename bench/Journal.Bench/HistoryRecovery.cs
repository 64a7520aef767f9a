using Akka.Actor;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Recovery of one entity with a long history: <see cref="HistoryReader"/> replays every event of one persistence id
/// through the node's journal and serializer, timed from its creation until recovery completes.
/// </summary>
public static class HistoryRecovery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task<Rate> MeasureAsync(ActorSystem system, string persistenceId, long expected)
    {
        var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new CpuClock();
        var reader = system.ActorOf(HistoryReader.Props(persistenceId, recovered));
        var events = await recovered.Task.WaitAsync(Timeout);
        var rate = clock.Stop(events);
        system.Stop(reader);
        if (events != expected)
            throw new InvalidOperationException($"recovered {events} events of {persistenceId}, expected {expected}");
        return rate;
    }
}
