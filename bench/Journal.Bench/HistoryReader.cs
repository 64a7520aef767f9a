using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// A persistent actor that only recovers: it folds every replayed event (a count, the cheapest Apply there is, so the
/// figure is the journal's and the serializer's) and completes the task with the count once recovery is over, or
/// fails it if recovery fails.
/// </summary>
public sealed class HistoryReader : ReceivePersistentActor
{
    private readonly TaskCompletionSource<long> _recovered;
    private long _events;

    public override string PersistenceId { get; }

    public HistoryReader(string persistenceId, TaskCompletionSource<long> recovered)
    {
        PersistenceId = persistenceId;
        _recovered = recovered;
        Recover<BenchEvent>(_ => _events++);
        Recover<RecoveryCompleted>(_ => _recovered.TrySetResult(_events));
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _recovered.TrySetException(reason);
        base.OnRecoveryFailure(reason, message);
    }

    public static Props Props(string persistenceId, TaskCompletionSource<long> recovered) =>
        Akka.Actor.Props.Create(() => new HistoryReader(persistenceId, recovered));
}
