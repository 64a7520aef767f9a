using Akka.Actor;
using Akka.Persistence;
using Akka.Serialization;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>
/// What a write stores: every field a persistent actor relies on when it recovers, atomic writes whole or not at all,
/// an unserializable event rejected without taking its neighbours with it, and a stored (persistence id, sequence
/// number) never overwritten.
/// </summary>
[Collection(JournalContractCollection.Name)]
public sealed class WriteSpecs(JournalContractFixture fixture)
{
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task A_replayed_event_keeps_its_sequence_number_persistence_id_writer_and_manifest(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();

        var written = await journal.WriteAsync(new AtomicWrite(JournalClient.Event(id, 1, "a-1", manifest: "contract-v1")));

        written.AssertAllStored();
        var acknowledged = Assert.IsType<WriteMessageSuccess>(Assert.Single(written.PerEvent)).Persistent;
        var replayed = Assert.Single((await journal.ReplayAsync(id)).Events);
        foreach (var persistent in new[] { acknowledged, replayed })
        {
            Assert.Equal(1, persistent.SequenceNr);
            Assert.Equal(id, persistent.PersistenceId);
            Assert.Equal("a-1", persistent.Payload);
            Assert.False(persistent.IsDeleted);
            Assert.True(persistent.Sender is null || persistent.Sender.Equals(ActorRefs.NoSender) || persistent.Sender.Equals(journal.System.DeadLetters));
        }
        Assert.Equal(JournalClient.WriterGuid, acknowledged.WriterGuid);
        Assert.Equal("contract-v1", acknowledged.Manifest);

        if (JournalUnderTest.KeepsWriterGuid(plugin))
            Assert.Equal(JournalClient.WriterGuid, replayed.WriterGuid);
        else
            Assert.False(string.IsNullOrEmpty(replayed.WriterGuid));
        var serialization = journal.System.Serialization;
        Assert.Equal(
            JournalUnderTest.KeepsEventManifest(plugin) ? "contract-v1" : Serialization.ManifestFor(serialization.FindSerializerFor("a-1"), "a-1"),
            replayed.Manifest);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task An_unserializable_event_is_rejected_while_the_other_writes_of_the_batch_are_stored(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();

        var written = await journal.WriteAsync(
            JournalClient.Single(id, 1, "b-1"),
            JournalClient.Single(id, 2, new UnserializableEvent()),
            JournalClient.Single(id, 3, "b-3"));

        // A rejection is not a failure of the batch: the actor is told per event and keeps running.
        Assert.IsType<WriteMessagesSuccessful>(written.Batch);
        Assert.Equal("b-1", Assert.IsType<WriteMessageSuccess>(written.PerEvent[0]).Persistent.Payload);
        var rejected = Assert.IsType<WriteMessageRejected>(written.PerEvent[1]);
        Assert.Equal(2, rejected.Persistent.SequenceNr);
        Assert.IsType<UnserializableEvent>(rejected.Persistent.Payload);
        Assert.Equal("b-3", Assert.IsType<WriteMessageSuccess>(written.PerEvent[2]).Persistent.Payload);

        var replay = await journal.ReplayAsync(id);
        Assert.Equal(["b-1", "b-3"], replay.Payloads);
        Assert.Equal(3, replay.HighestSequenceNr);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task An_atomic_write_of_several_events_is_stored_whole(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();

        (await journal.WriteAsync(JournalClient.Together(
            JournalClient.Event(id, 1, "c-1"), JournalClient.Event(id, 2, "c-2"), JournalClient.Event(id, 3, "c-3")))).AssertAllStored();

        var replay = await journal.ReplayAsync(id);
        Assert.Equal(["c-1", "c-2", "c-3"], replay.Payloads);
        Assert.Equal(3, replay.HighestSequenceNr);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task An_atomic_write_with_an_unserializable_event_is_rejected_whole(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();

        var written = await journal.WriteAsync(
            JournalClient.Single(id, 1, "d-1"),
            JournalClient.Together(JournalClient.Event(id, 2, "d-2"), JournalClient.Event(id, 3, new UnserializableEvent()), JournalClient.Event(id, 4, "d-4")));

        Assert.IsType<WriteMessagesSuccessful>(written.Batch);
        Assert.IsType<WriteMessageSuccess>(written.PerEvent[0]);
        Assert.All(written.PerEvent.Skip(1), answer => Assert.IsType<WriteMessageRejected>(answer));
        var replay = await journal.ReplayAsync(id);
        Assert.Equal(["d-1"], replay.Payloads);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task A_second_write_of_a_stored_sequence_number_fails_and_keeps_the_stored_event(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 3);

        var second = await journal.WriteAsync(JournalClient.Single(id, 2, "overwritten"));

        Assert.IsType<WriteMessagesFailed>(second.Batch);
        var failure = Assert.IsType<WriteMessageFailure>(Assert.Single(second.PerEvent));
        Assert.Equal(2, failure.Persistent.SequenceNr);
        var replay = await journal.ReplayAsync(id);
        Assert.Equal(["a-1", "a-2", "a-3"], replay.Payloads);
        Assert.Equal(3, replay.HighestSequenceNr);
    }

    /// <summary>
    /// One WriteMessages with two atomic writes, the first colliding with a stored event: the second must not be stored
    /// without it (that would leave a history with a later event of a writer whose earlier one was refused).
    /// </summary>
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task A_write_after_a_colliding_write_of_the_same_call_is_not_stored(ReadModelDialect database, string plugin)
    {
        var reader = await fixture.JournalAsync(database, plugin);
        var (host, journal) = await fixture.StartSeparateAsync(database, plugin); // a failure may open the plugin's breaker
        await using var _ = host;
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 3);

        var outcome = await journal.WriteAsync(JournalClient.Single(id, 3, "overwritten"), JournalClient.Single(id, 4, "after"));

        Assert.IsType<WriteMessagesFailed>(outcome.Batch);
        var replay = await reader.ReplayAsync(id);
        Assert.Equal(["a-1", "a-2", "a-3"], replay.Payloads);
        Assert.Equal(3, replay.HighestSequenceNr);
    }

    /// <summary>
    /// A collision is one writer's fault (e.g. two incarnations of an entity during a hand-over); 40 other writers have
    /// events in flight at that moment. Each of them must end either acknowledged and stored or failed and absent —
    /// and, for a journal that isolates collisions, acknowledged. Written through a separate actor system, because on
    /// Akka.Persistence.Sql the failures open that journal's circuit breaker; read back through the shared one.
    /// </summary>
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task A_colliding_write_leaves_every_other_writer_acknowledged_and_stored_or_failed_and_absent(ReadModelDialect database, string plugin)
    {
        var reader = await fixture.JournalAsync(database, plugin);
        var (host, journal) = await fixture.StartSeparateAsync(database, plugin);
        await using var _ = host;
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 3);
        var others = Enumerable.Range(0, 40).Select(_ => JournalClient.NewPersistenceId()).ToArray();

        var before = others[..20].Select(o => journal.WriteAsync(JournalClient.Single(o, 1, $"{o}-1"))).ToArray();
        var collision = journal.WriteAsync(JournalClient.Single(id, 2, "overwritten"));
        var after = others[20..].Select(o => journal.WriteAsync(JournalClient.Single(o, 1, $"{o}-1"))).ToArray();
        var outcomes = await Task.WhenAll(before.Concat(after));

        Assert.IsType<WriteMessagesFailed>((await collision).Batch);
        Assert.Equal(["a-1", "a-2", "a-3"], (await reader.ReplayAsync(id)).Payloads);
        for (var i = 0; i < others.Length; i++)
        {
            var stored = (await reader.ReplayAsync(others[i])).Payloads.ToArray();
            if (outcomes[i].Batch is WriteMessagesSuccessful)
                Assert.Equal([$"{others[i]}-1"], stored);
            else
                Assert.Empty(stored);
        }
        if (JournalUnderTest.IsolatesCollidingWrites(plugin))
            Assert.All(outcomes, outcome => outcome.AssertAllStored());
    }

    /// <summary>
    /// 50 writers, each persisting 20 events one write at a time and waiting for each acknowledgement as a persistent
    /// actor does, all at once: the journal batches across persistence ids and every history must come back whole and
    /// in order.
    /// </summary>
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task Concurrent_writers_across_many_persistence_ids_all_replay_complete_and_in_order(ReadModelDialect database, string plugin)
    {
        const int writers = 50, eventsEach = 20;
        var journal = await fixture.JournalAsync(database, plugin);
        var ids = Enumerable.Range(0, writers).Select(_ => JournalClient.NewPersistenceId()).ToArray();

        await Task.WhenAll(ids.Select(async id =>
        {
            for (var n = 1; n <= eventsEach; n++)
                (await journal.WriteAsync(JournalClient.Single(id, n, $"{id}-{n}"))).AssertAllStored();
        }));

        var expectedNrs = Enumerable.Range(1, eventsEach).Select(n => (long)n).ToArray();
        foreach (var id in ids)
        {
            var replay = await journal.ReplayAsync(id);
            Assert.Equal(expectedNrs, replay.SequenceNrs);
            Assert.Equal(expectedNrs.Select(n => (object)$"{id}-{n}"), replay.Payloads);
            Assert.Equal(eventsEach, replay.HighestSequenceNr);
        }
    }
}
