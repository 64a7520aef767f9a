using Akka.Actor;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// The projection mechanism on a real journal: a batch's rows and its offset commit together, so a failure between
/// apply and commit (an apply that throws after writing its row) leaves neither, and the restarted projection applies
/// every event exactly once; a rebuild from offset 0 gives the same rows.
/// </summary>
public sealed class ProjectionTransactionSpecs
{
    private static readonly ProjectionSettings Quick = new(3, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_batch_that_fails_after_writing_keeps_neither_its_rows_nor_its_offset()
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(ReadModelDialect.Sqlite);
        await using var host = await PersistenceOnlyHost.StartAsync(db.Options);
        var projection = new CountingProjection("poison", (text, _) => text == "e06");
        await WriteAsync(host, "poison", 10);

        RunProjection(host, db, projection);
        // It fails on e06, restarts from its stored offset and fails there again: the poison batch never commits.
        await Eventually.AwaitAsync(() => projection.Failures >= 3, Patience, "the projection to fail on e06 three times");

        var rows = await projection.RowsAsync(db.Database);
        var offset = await projection.StoredOffsetAsync(db.Database);
        Assert.DoesNotContain(rows, r => r.Event == "e06");
        Assert.All(rows, r => Assert.True(r.Ordering <= offset, $"{r.Event} (ordering {r.Ordering}) is stored beyond the offset {offset}"));
        Assert.Equal(rows.Count, rows.Select(r => r.Ordering).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => $"e{i:00}"), rows.Select(r => r.Event));
    }

    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task A_projection_that_failed_between_apply_and_commit_applies_every_event_once_after_restart(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        await using var host = await PersistenceOnlyHost.StartAsync(db.Options);
        var projection = new CountingProjection("once", (text, failures) => text == "e06" && failures == 0);
        await WriteAsync(host, "once", 12);

        var supervisor = RunProjection(host, db, projection);
        await Eventually.AwaitAssertAsync(async () => Assert.Equal(12, (await projection.RowsAsync(db.Database)).Count), Patience);
        await WriteAsync(host, "once", 12, from: 13); // more events after the restart, followed live
        await Eventually.AwaitAssertAsync(async () => Assert.Equal(24, (await projection.RowsAsync(db.Database)).Count), Patience);

        var rows = await projection.RowsAsync(db.Database);
        Assert.Equal(1, projection.Failures);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"e{i:00}"), rows.Select(r => r.Event));
        Assert.Equal(rows[^1].Ordering, await projection.StoredOffsetAsync(db.Database));

        // Rebuild: empty tables and offset, the tag again from 0, the same rows in the end.
        var started = await supervisor.Ask<ProjectionRebuildStarted>(new RebuildProjection(projection.Name), TimeSpan.FromSeconds(10));
        Assert.Equal(projection.Name, started.Name);
        await Eventually.AwaitAssertAsync(async () => Assert.Equal(rows, await projection.RowsAsync(db.Database)), Patience);
    }

    private static IActorRef RunProjection(PersistenceOnlyHost host, ReadModelTestDatabase db, IProjection projection)
    {
        var schema = new ReadModelSchema(db.Database, [projection]);
        return host.System.ActorOf(ProjectionSupervisor.PropsFor(schema, host.ReadJournal, Quick), $"projections-{Guid.NewGuid():N}");
    }

    private static async Task WriteAsync(PersistenceOnlyHost host, string tag, int count, int from = 1)
    {
        var writers = Enumerable.Range(0, 3).Select(i => host.System.ActorOf(TaggedEventWriter.PropsFor($"writer-{tag}-{from}-{i}", tag))).ToArray();
        for (var i = from; i < from + count; i++)
            await writers[i % writers.Length].Ask<string>($"e{i:00}", TimeSpan.FromSeconds(10));
    }
}
