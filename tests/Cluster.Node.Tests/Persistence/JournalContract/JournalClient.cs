using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>
/// Speaks the journal protocol to a journal actor the way a persistent actor does (WriteMessages, ReplayMessages,
/// DeleteMessagesTo) and collects its answers, each awaited with a timeout instead of a sleep.
/// </summary>
public sealed class JournalClient(ActorSystem system, IActorRef journal)
{
    // Generous: the contract checks what a journal answers, not how fast; CI runs it beside multi-node specs on two
    // cores, where one slow write must not fail the case (a journal that never answers still does).
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    public const string WriterGuid = "contract-writer";
    private const int ActorInstanceId = 1;

    public ActorSystem System => system;

    /// <summary>A persistent representation as a persistent actor hands it to its journal.</summary>
    public static Persistent Event(string persistenceId, long sequenceNr, object payload, string manifest = "") =>
        new(payload, sequenceNr, persistenceId, manifest, isDeleted: false, ActorRefs.NoSender, WriterGuid);

    public static AtomicWrite Single(string persistenceId, long sequenceNr, object payload) =>
        new(Event(persistenceId, sequenceNr, payload));

    public static AtomicWrite Together(params Persistent[] events) =>
        new(events.ToImmutableList<IPersistentRepresentation>());

    /// <summary>
    /// Sends one WriteMessages and collects the batch answer (WriteMessagesSuccessful or WriteMessagesFailed) and one
    /// answer per event (WriteMessageSuccess, WriteMessageRejected or WriteMessageFailure), in the order they came.
    /// </summary>
    public async Task<WriteOutcome> WriteAsync(params AtomicWrite[] writes)
    {
        var inbox = Inbox.Create(system);
        journal.Tell(new WriteMessages(writes, inbox.Receiver, ActorInstanceId));
        var batch = await inbox.ReceiveAsync(Timeout);
        var perEvent = new List<object>();
        foreach (var _ in writes.SelectMany(w => (IEnumerable<IPersistentRepresentation>)w.Payload))
            perEvent.Add(await inbox.ReceiveAsync(Timeout));
        return new WriteOutcome(batch, perEvent);
    }

    /// <summary>Writes "a-1" … "a-count" under <paramref name="persistenceId"/>, the last two as one atomic write (as the TCK does).</summary>
    public async Task WriteHistoryAsync(string persistenceId, int count)
    {
        var writes = Enumerable.Range(1, count - 2).Select(n => Single(persistenceId, n, $"a-{n}"))
            .Append(Together(Event(persistenceId, count - 1, $"a-{count - 1}"), Event(persistenceId, count, $"a-{count}")))
            .ToArray();
        (await WriteAsync(writes)).AssertAllStored();
    }

    /// <summary>Replays and returns every ReplayedMessage and the RecoverySuccess's highest sequence number.</summary>
    public async Task<Replay> ReplayAsync(string persistenceId, long from = 1, long to = long.MaxValue, long max = long.MaxValue)
    {
        var inbox = Inbox.Create(system);
        journal.Tell(new ReplayMessages(from, to, max, persistenceId, inbox.Receiver));
        var events = new List<IPersistentRepresentation>();
        while (true)
        {
            switch (await inbox.ReceiveAsync(Timeout))
            {
                case ReplayedMessage replayed: events.Add(replayed.Persistent); break;
                case RecoverySuccess done: return new Replay(events, done.HighestSequenceNr);
                case var other: throw new Xunit.Sdk.XunitException($"replay of {persistenceId} answered {other}");
            }
        }
    }

    /// <summary>Deletes up to <paramref name="toSequenceNr"/> and expects DeleteMessagesSuccess for that bound.</summary>
    public async Task DeleteToAsync(string persistenceId, long toSequenceNr)
    {
        var inbox = Inbox.Create(system);
        journal.Tell(new DeleteMessagesTo(persistenceId, toSequenceNr, inbox.Receiver));
        var answer = Assert.IsType<DeleteMessagesSuccess>(await inbox.ReceiveAsync(Timeout));
        Assert.Equal(toSequenceNr, answer.ToSequenceNr);
    }

    public static string NewPersistenceId() => $"contract-{Guid.NewGuid():N}";
}

public sealed record WriteOutcome(object Batch, IReadOnlyList<object> PerEvent)
{
    public void AssertAllStored()
    {
        Assert.IsType<WriteMessagesSuccessful>(Batch);
        Assert.All(PerEvent, answer => Assert.IsType<WriteMessageSuccess>(answer));
    }
}

public sealed record Replay(IReadOnlyList<IPersistentRepresentation> Events, long HighestSequenceNr)
{
    public IEnumerable<long> SequenceNrs => Events.Select(e => e.SequenceNr);
    public IEnumerable<object> Payloads => Events.Select(e => e.Payload);
}
