using Akka.Actor;
using Akka.Persistence;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Node.Tests.Support;

[Manifest("test.counter-incremented.v1")]
public sealed record CounterIncremented(int By, string Note) : IProtocolMessage;

[Manifest("test.counter-snapshot.v1")]
public sealed record CounterSnapshot(int Total, IReadOnlyList<int> History) : IProtocolMessage;

/// <summary>
/// A small event-sourced actor for persistence specs: every increment is an event, every fifth a snapshot, so a
/// recovery reads both the snapshot store and the journal.
/// </summary>
public sealed class Counter : ReceivePersistentActor
{
    public sealed record Increment(int By);
    public sealed record GetState;
    public sealed record State(int Total, IReadOnlyList<int> History, long LastSequenceNr);

    private int _total;
    private List<int> _history = [];

    public override string PersistenceId { get; }

    public Counter(string id)
    {
        PersistenceId = $"counter-{id}";
        Recover<SnapshotOffer>(offer =>
        {
            var snapshot = (CounterSnapshot)offer.Snapshot;
            _total = snapshot.Total;
            _history = snapshot.History.ToList();
        });
        Recover<CounterIncremented>(Apply);
        Command<Increment>(cmd => Persist(new CounterIncremented(cmd.By, $"+{cmd.By}"), e =>
        {
            Apply(e);
            if (LastSequenceNr % 5 == 0) SaveSnapshot(new CounterSnapshot(_total, _history.ToList()));
            Sender.Tell(_total);
        }));
        Command<GetState>(_ => Sender.Tell(new State(_total, _history.ToList(), LastSequenceNr)));
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => throw f.Cause);
    }

    private void Apply(CounterIncremented e)
    {
        _total += e.By;
        _history.Add(e.By);
    }
}

/// <summary>Drives a <see cref="Counter"/> from a test: start it, send, read, stop.</summary>
public static class CounterClient
{
    public static async Task<Counter.State> IncrementAsync(ActorSystem system, string id, int times)
    {
        var counter = system.ActorOf(Props.Create(() => new Counter(id)));
        for (var i = 1; i <= times; i++)
            await counter.Ask<int>(new Counter.Increment(i), TimeSpan.FromSeconds(30));
        var state = await counter.Ask<Counter.State>(new Counter.GetState(), TimeSpan.FromSeconds(30));
        await counter.GracefulStop(TimeSpan.FromSeconds(10));
        return state;
    }

    public static async Task<Counter.State> ReadAsync(ActorSystem system, string id)
    {
        var counter = system.ActorOf(Props.Create(() => new Counter(id)));
        var state = await counter.Ask<Counter.State>(new Counter.GetState(), TimeSpan.FromSeconds(30));
        await counter.GracefulStop(TimeSpan.FromSeconds(10));
        return state;
    }
}
