using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Persistence;

/// <summary>
/// Retention of a singleton's journal: the scheduler writes events for ever, so once a snapshot is stored the events it
/// covers are deleted. After many runs its journal holds about one snapshot interval of rows, and a node restarted on
/// the same database recovers the same scheduler state from the snapshot and the few events after it.
/// </summary>
public sealed class SchedulerJournalRetentionSpecs(ITestOutputHelper output)
{
    private const int SnapshotEvery = 5;
    private const int Runs = 12;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_scheduler_journal_keeps_about_one_snapshot_interval_of_events_and_recovers_the_same_state()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"));
        var hocon = $"media-platform.entities.snapshot-every = {SnapshotEvery}";

        string before;
        await using (var first = await TestNodeHost.StartAsync(options, hocon))
        {
            var scheduler = ActorRegistry.For(first.System).Get<EntityRegions.SchedulerProxy>();
            // The job's scheduled run for the current period starts with the node: let it finish first, so nothing but
            // the triggered runs below changes the job meanwhile.
            await Eventually.AwaitAsync(async () => await ViewAsync(scheduler) is { Running: null } view && view.History.Any(r => r.PeriodKey is not null),
                Wait, "the scheduled run of the current period to finish");
            for (var i = 0; i < Runs; i++)
            {
                // A trigger while a run is in progress is refused: try again.
                JobRunAccepted? run = null;
                await Eventually.AwaitAsync(async () => (run = await scheduler.Ask<object>(new TriggerJob(CouponExpiryJob.JobName), Wait) as JobRunAccepted) is not null,
                    Wait, "a trigger to be accepted");
                await Eventually.AwaitAsync(async () => (await ViewAsync(scheduler)).History.Any(r => r.RunKey == run!.RunKey && r.FinishedAt is not null),
                    Wait, $"run {run!.RunKey} to finish");
            }
            before = JsonSerializer.Serialize(await ViewAsync(scheduler));
            // Deletion follows the snapshot asynchronously: wait for it rather than for a fixed time.
            await Eventually.AwaitAsync(() => Rows(options.SqliteFile).Kept <= SnapshotEvery + 1, Wait, "events below the snapshot to be deleted");
        }

        var (kept, highest) = Rows(options.SqliteFile);
        output.WriteLine($"scheduler: {highest} events written over {Runs} triggered runs; {kept} journal rows kept (snapshot every {SnapshotEvery})");
        Assert.True(highest >= 3 * SnapshotEvery, $"only {highest} events were written: too few to show retention");
        Assert.InRange(kept, 1, SnapshotEvery + 1);

        await using var second = await TestNodeHost.StartAsync(options with { HttpPort = FreePorts.Next(), RemotePort = FreePorts.Next() }, hocon);
        var recovered = ActorRegistry.For(second.System).Get<EntityRegions.SchedulerProxy>();
        var after = JsonSerializer.Serialize(await ViewAsync(recovered));
        output.WriteLine($"before: {before}\nafter:  {after}");
        Assert.Equal(before, after);
    }

    private static async Task<ScheduledJobView> ViewAsync(IActorRef scheduler) =>
        await scheduler.Ask<ScheduledJobView>(new GetScheduledJob(CouponExpiryJob.JobName), Wait);

    /// <summary>Rows the journal still holds for the scheduler, and the highest sequence number it ever wrote.</summary>
    private static (long Kept, long Highest) Rows(string sqliteFile)
    {
        using var connection = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(MAX(sequence_number), 0) FROM journal WHERE persistence_id = $id";
        command.Parameters.AddWithValue("$id", RecurringScheduler.Name);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
