using MediaPlatform.Node.Persistence.Journal;

namespace MediaPlatform.Node.Tests.Persistence.Journal;

/// <summary>
/// The batched journal's writer on real databases: a batch whose one write collides stores the others, and a full
/// queue refuses at once. Writes are queued before the writer may start (its schema gate is held), so they are
/// certain to share one batch.
/// </summary>
public sealed class BatchedJournalWriteSpecs
{
    private static BatchedJournalSettings Settings(int maxQueuedRows = 1000) =>
        new(JournalDatabaseKind.Sqlite, "unused", TimeSpan.FromSeconds(5), MaxRowsPerTransaction: 1000, maxQueuedRows,
            StopTimeout: TimeSpan.FromSeconds(5), SchemaTimeout: TimeSpan.FromSeconds(5));

    private static JournalRow Row(string persistenceId, long sequenceNr) =>
        new(persistenceId, sequenceNr, DateTime.UtcNow.Ticks, "m", [1, 2, 3], 1, "writer", []);

    [Fact]
    public Task A_write_colliding_in_a_batch_must_fail_alone_on_sqlite() => CollidingWriteFailsAloneAsync(postgres: false);

    [Fact]
    public Task A_write_colliding_in_a_batch_must_fail_alone_on_postgres() => CollidingWriteFailsAloneAsync(postgres: true);

    private static async Task CollidingWriteFailsAloneAsync(bool postgres)
    {
        await using var test = await JournalDatabaseUnderTest.StartAsync(postgres);
        await using var database = test.OpenDatabase();
        var taken = $"taken-{Guid.NewGuid():N}";
        await database.InsertAsync([Row(taken, 1)], CancellationToken.None); // as if another node wrote it first

        var schemaGate = new TaskCompletionSource();
        await using var queue = new JournalWriteQueue(database, Settings(), () => schemaGate.Task);
        var before = queue.WriteAsync([Row($"before-{Guid.NewGuid():N}", 1), Row($"before-{Guid.NewGuid():N}", 1)]);
        var colliding = queue.WriteAsync([Row(taken, 2), Row(taken, 1)]);
        var after = queue.WriteAsync([Row($"after-{Guid.NewGuid():N}", 1)]);
        schemaGate.SetResult();

        await before;
        await after;
        await Assert.ThrowsAnyAsync<Exception>(() => colliding);
        // All or nothing: the colliding write's other event (sequence number 2) was not stored either.
        Assert.Equal(1, await database.HighestSequenceNrAsync(taken, CancellationToken.None));
        var stored = await test.QueryAsync("SELECT persistence_id FROM journal WHERE persistence_id LIKE 'before-%' OR persistence_id LIKE 'after-%'");
        Assert.Equal(3, stored.Count);
    }

    [Fact]
    public async Task A_write_beyond_the_queue_bound_must_fail_at_once_with_a_clear_message()
    {
        await using var test = await JournalDatabaseUnderTest.StartAsync(postgres: false);
        await using var database = test.OpenDatabase();
        var schemaGate = new TaskCompletionSource();
        await using var queue = new JournalWriteQueue(database, Settings(maxQueuedRows: 3), () => schemaGate.Task);

        var queued = queue.WriteAsync([Row("a", 1), Row("a", 2), Row("a", 3)]);
        var refused = queue.WriteAsync([Row("b", 1)]);

        Assert.True(refused.IsFaulted); // at once, not after the database answers
        var error = await Assert.ThrowsAsync<JournalQueueFullException>(() => refused);
        Assert.Contains("write queue is full", error.Message);
        Assert.Contains(BatchedJournalSettings.MaxQueuedRowsKey, error.Message);

        // The queued events are stored once the writer runs, and then there is room again.
        schemaGate.SetResult();
        await queued;
        await queue.WriteAsync([Row("b", 1)]);
        Assert.Equal(3, await database.HighestSequenceNrAsync("a", CancellationToken.None));
        Assert.Equal(1, await database.HighestSequenceNrAsync("b", CancellationToken.None));
    }
}
