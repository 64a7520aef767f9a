using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>
/// Range deletes (DeleteMessagesTo, as snapshots and retention issue them) and histories with holes: deleted events are
/// never replayed, the highest sequence number survives any delete (a recovering actor must not reuse numbers), and a
/// history whose middle was never stored replays around the hole.
/// </summary>
[Collection(JournalContractCollection.Name)]
public sealed class DeletionAndGapSpecs(JournalContractFixture fixture)
{
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task Events_deleted_by_a_range_delete_are_not_replayed_and_the_highest_is_kept(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 5);

        await journal.DeleteToAsync(id, 3);

        var replay = await journal.ReplayAsync(id, from: 0);
        Assert.Equal([4L, 5L], replay.SequenceNrs);
        Assert.Equal(["a-4", "a-5"], replay.Payloads);
        Assert.Equal(5, replay.HighestSequenceNr);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task The_highest_sequence_number_is_kept_after_every_event_is_deleted(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 5);

        await journal.DeleteToAsync(id, long.MaxValue);

        var replay = await journal.ReplayAsync(id, from: 0);
        Assert.Empty(replay.Events);
        Assert.Equal(5, replay.HighestSequenceNr);
    }

    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task Writing_after_a_delete_of_everything_continues_the_history(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();
        await journal.WriteHistoryAsync(id, 5);
        await journal.DeleteToAsync(id, 5);

        (await journal.WriteAsync(JournalClient.Single(id, 6, "a-6"))).AssertAllStored();

        var replay = await journal.ReplayAsync(id, from: 0);
        Assert.Equal([6L], replay.SequenceNrs);
        Assert.Equal(6, replay.HighestSequenceNr);
    }

    /// <summary>
    /// The journal protocol has no delete of a middle range; holes come from sequence numbers that were never stored
    /// (a rejected event's number is not reused). Replays, bounds and count limits step over the hole.
    /// </summary>
    [Theory, MemberData(nameof(JournalUnderTest.All), MemberType = typeof(JournalUnderTest))]
    public async Task A_history_with_a_missing_middle_range_replays_around_it(ReadModelDialect database, string plugin)
    {
        var journal = await fixture.JournalAsync(database, plugin);
        var id = JournalClient.NewPersistenceId();
        long[] stored = [1, 2, 3, 7, 8, 9];
        (await journal.WriteAsync(stored.Select(n => JournalClient.Single(id, n, $"a-{n}")).ToArray())).AssertAllStored();

        var all = await journal.ReplayAsync(id);
        Assert.Equal(stored, all.SequenceNrs);
        Assert.Equal(9, all.HighestSequenceNr);

        Assert.Equal([3L, 7L], (await journal.ReplayAsync(id, from: 3, to: 7)).SequenceNrs);
        Assert.Equal([1L, 2L, 3L, 7L], (await journal.ReplayAsync(id, max: 4)).SequenceNrs);
        Assert.Empty((await journal.ReplayAsync(id, from: 4, to: 6)).Events);
        Assert.Equal([7L, 8L, 9L], (await journal.ReplayAsync(id, from: 5)).SequenceNrs);
    }
}
