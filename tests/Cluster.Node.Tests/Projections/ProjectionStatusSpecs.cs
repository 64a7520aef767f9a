using Akka.Actor;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// Lag as GET /cluster/projections reports it, on a real journal: seconds behind is how old the oldest event the
/// projection has not applied is, so a tag that was idle for an hour does not read as an hour behind when its next
/// event arrives.
/// </summary>
public sealed class ProjectionStatusSpecs
{
    [Theory]
    [InlineData(ReadModelDialect.Sqlite)]
    [InlineData(ReadModelDialect.Postgres)]
    public async Task After_an_idle_hour_a_new_event_is_seconds_behind_not_an_hour(ReadModelDialect dialect)
    {
        await using var db = await ReadModelTestDatabase.CreateAsync(dialect);
        await using var host = await PersistenceOnlyHost.StartAsync(db.Options);
        var projection = new CountingProjection("idle", (_, _) => false);
        var schema = new ReadModelSchema(db.Database, [projection]);
        await schema.EnsureAsync();
        // The projection last applied an event an hour ago (its stored offset says so); the tag was idle since.
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        await using (var session = await db.Database.BeginAsync())
        {
            await ProjectionOffsets.StoreAsync(session, projection.Name, 0, hourAgo, hourAgo, CancellationToken.None);
            await session.CommitAsync();
        }

        var writer = host.System.ActorOf(TaggedEventWriter.PropsFor("writer-idle", "idle"));
        await writer.Ask<string>("e01", TimeSpan.FromSeconds(10));
        var status = await ProjectionStatus.ReadAsync(schema, projection, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(1, status.EventsBehind);
        Assert.InRange(status.SecondsBehind, 0, 60); // the event is seconds old; the hour of idleness is not lag
        Assert.Equal(hourAgo.ToUnixTimeSeconds(), status.LastEventAt!.Value.ToUnixTimeSeconds());
    }
}
