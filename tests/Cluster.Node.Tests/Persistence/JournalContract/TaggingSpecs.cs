using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>
/// Events a write event adapter wraps in Tagged (as the node's EventTagger does) are found by the read journal's
/// CurrentEventsByTag in the order they were written, across persistence ids, with their payload unwrapped.
/// </summary>
[Collection(JournalContractCollection.Name)]
public sealed class TaggingSpecs(JournalContractFixture fixture)
{
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task Events_tagged_by_a_write_adapter_are_found_by_tag_in_write_order(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var host = await fixture.HostAsync(database, plugin);
        var (first, second) = (JournalClient.NewPersistenceId(), JournalClient.NewPersistenceId());
        (string Id, long Nr)[] writes = [(first, 1), (second, 1), (first, 2), (second, 2), (first, 3)];

        // One write at a time, each acknowledged before the next: the write order the tag query must keep.
        foreach (var (id, nr) in writes)
            (await journal.WriteAsync(JournalClient.Single(id, nr, new ContractTaggedEvent($"{id}-{nr}")))).AssertAllStored();

        var expected = writes.Select(w => $"{w.Id}-{w.Nr}").ToArray();
        var materializer = host.System.Materializer();
        string[] found = [];
        // The read journal sees rows once its sequence-retrieval actor has caught up (~100 ms here): poll for them.
        await Eventually.AwaitAssertAsync(async () =>
        {
            var envelopes = await ((ICurrentEventsByTagQuery)host.ReadJournal())
                .CurrentEventsByTag(ContractEventTagger.Tag, Offset.NoOffset())
                .Where(e => e.PersistenceId == first || e.PersistenceId == second)
                .RunAggregate(new List<EventEnvelope>(), (all, e) => { all.Add(e); return all; }, materializer);
            found = envelopes.Select(e => ((ContractTaggedEvent)e.Event).Text).ToArray();
            Assert.Equal(expected.Length, found.Length);
        }, JournalClient.Timeout);

        Assert.Equal(expected, found);
    }
}
