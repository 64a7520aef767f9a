using System.Collections.Concurrent;
using MediaPlatform.Actors.Work;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Work.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Work;

/// <summary>
/// Retention of the transcode coordinator's journal: every few events it stores a snapshot and deletes the events the
/// snapshot covers, so its journal stays about one snapshot interval long however many titles it encodes. The snapshot
/// alone then carries a batch in the middle of its work: the coordinator's node crashes once the journal below the
/// latest snapshot is gone, the singleton recovers on another node from that snapshot, and the batch still finishes
/// with every item's result accepted exactly once (the queue's own count, kept in its snapshots) and complete outputs.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class CoordinatorJournalRetentionSpecs(ITestOutputHelper output)
{
    private const int SnapshotEvery = 4;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task The_coordinator_must_delete_its_events_below_each_snapshot_and_recover_a_batch_in_progress_from_the_snapshot()
    {
        await using var cluster = await TranscodeCluster.StartAsync(output, SnapshotEvery);
        var observer = cluster.Nodes[1];
        var journal = cluster.Root.Combine("journal.db");
        var title = await TitleMedia.CreateAsync(cluster.SharedFolder, seconds: 12, width: 1280, height: 720);
        var orchestrator = observer.System.ActorOf(NoticeCollector.PropsFor(new ConcurrentQueue<object>()), "title-orchestrator");
        await cluster.SubmitAsync(observer, title, orchestrator);

        // Crash the coordinator's node (node 0, the oldest) mid-batch, once its events below a snapshot are deleted.
        BatchStatus? before = null;
        Rows rows = default;
        await Eventually.AwaitAssertAsync(async () =>
        {
            before = await TranscodeCluster.StatusAsync(observer);
            rows = Rows.Of(journal);
            Assert.True(before is { Done: >= 1, Finished: false } && rows is { Snapshot: >= SnapshotEvery, BelowSnapshot: 0 },
                $"waiting for done work, a snapshot and the events below it deleted: {before?.Done} done; {rows}");
        }, Deadline, TimeSpan.FromMilliseconds(100));
        cluster.Note($"crashing the coordinator's node at {before!.Done}/{before.Total} done; journal: {rows}");
        await cluster.Nodes[0].CrashAsync();

        BatchStatus? final = null;
        await Eventually.AwaitAssertAsync(async () =>
        {
            final = await TranscodeCluster.StatusAsync(observer);
            Assert.True(final is { Finished: true }, $"waiting for the batch: {final?.Done} done, {final?.InFlight} in flight, {final?.Pending} pending");
        }, Deadline, TimeSpan.FromMilliseconds(500));
        cluster.Note($"batch finished on the recovered coordinator: {final!.Done} done, {final.Failed} failed of {final.Total}");

        Assert.Equal((title.Work.Count, 0), (final.Done, final.Failed));
        Assert.All(final.Items, i => Assert.Equal(WorkStatus.Completed, i.Status));
        Assert.All(final.Items, i => Assert.True(i.Completions == 1, $"{i.WorkId}: {i.Completions} results accepted"));
        // Work done before the crash stays done: its result came through the snapshot, it was not encoded again.
        foreach (var done in before.Items.Where(i => i.Status == WorkStatus.Completed))
            Assert.Equal((done.Attempt, done.CompletedBy), final.Items.Single(i => i.WorkId == done.WorkId) is var f ? (f.Attempt, f.CompletedBy) : default);
        foreach (var (workId, payload) in title.Work)
        foreach (var file in payload.OutputPaths)
            Assert.True(await TitleMedia.FrameCountAsync(file) == payload.Chunk.FrameCount, $"{workId}: frames of {file}");

        // Nothing below the latest snapshot after the failover either, so most of the events written are gone.
        await Eventually.AwaitAsync(() => Rows.Of(journal) is { BelowSnapshot: 0 }, TimeSpan.FromSeconds(30), "the events below the latest snapshot deleted");
        var after = Rows.Of(journal);
        cluster.Note($"journal after: {after}");
        Assert.True(after.Highest > 3 * SnapshotEvery, $"only {after.Highest} events were written: too few to show retention");
        Assert.True(after.Kept < after.Highest - 2 * SnapshotEvery, $"the journal still holds most of its events: {after}");
    }

    /// <summary>The coordinator's rows in the shared SQLite journal and its latest snapshot's sequence number.</summary>
    private readonly record struct Rows(long Kept, long Highest, long Snapshot, long BelowSnapshot)
    {
        public static Rows Of(string sqliteFile)
        {
            using var connection = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
            connection.Open();
            var snapshot = Scalar(connection, "SELECT COALESCE(MAX(sequence_number), 0) FROM snapshot WHERE persistence_id = $id");
            return new Rows(
                Scalar(connection, "SELECT COUNT(*) FROM journal WHERE persistence_id = $id"),
                Scalar(connection, "SELECT COALESCE(MAX(sequence_number), 0) FROM journal WHERE persistence_id = $id"),
                snapshot,
                Scalar(connection, $"SELECT COUNT(*) FROM journal WHERE persistence_id = $id AND sequence_number < {snapshot}"));
        }

        private static long Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", TranscodeCoordinator.Name);
            return (long)command.ExecuteScalar()!;
        }

        public override string ToString() => $"{Kept} rows up to event {Highest}, snapshot at {Snapshot}, {BelowSnapshot} rows below it";
    }
}
