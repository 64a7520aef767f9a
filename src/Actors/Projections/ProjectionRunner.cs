using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// Runs one <see cref="IProjection"/>: reads its stored offset, follows EventsByTag from there, and applies each batch
/// of events in one transaction that also stores the batch's last offset. A failed batch rolls back (rows and offset
/// together) and fails the stream; the actor then throws so its back-off supervisor starts it again, and the new run
/// resumes from the offset of the last committed batch: nothing lost, nothing applied twice.
/// Rebuild: stop the stream, wait for the batch in flight to commit or roll back, empty the tables and the offset in
/// one transaction, follow the tag again from 0.
/// </summary>
public sealed class ProjectionRunner : ReceiveActor
{
    private readonly IProjection _projection;
    private readonly ReadModelSchema _schema;
    private readonly Func<IEventsByTagQuery> _journal;
    private readonly ProjectionSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private UniqueKillSwitch? _killSwitch;
    private int _generation;
    private IActorRef? _rebuildRequester;

    public ProjectionRunner(IProjection projection, ReadModelSchema schema, Func<IEventsByTagQuery> journal, ProjectionSettings settings)
    {
        (_projection, _schema, _journal, _settings) = (projection, schema, journal, settings);
        Receive<Started>(started => Follow(started.Offset));
        Receive<StreamEnded>(ended =>
        {
            if (ended.Generation != _generation) return; // an older run, replaced by a rebuild
            if (_rebuildRequester is not null) { Reset(); return; }
            throw new ProjectionFailedException(_projection.Name, ended.Cause);
        });
        Receive<RebuildProjection>(_ =>
        {
            _rebuildRequester = Sender;
            if (_killSwitch is null) Reset(); // not following yet: nothing in flight
            else _killSwitch.Shutdown(); // StreamEnded follows once the batch in flight is done
        });
        Receive<ResetDone>(_ =>
        {
            _log.Info("projection {0} rebuilding from offset 0", _projection.Name);
            _rebuildRequester?.Tell(new ProjectionRebuildStarted(_projection.Name));
            _rebuildRequester = null;
            Follow(0);
        });
        Receive<Status.Failure>(failure => throw new ProjectionFailedException(_projection.Name, failure.Cause));
    }

    public static Props PropsFor(IProjection projection, ReadModelSchema schema, Func<IEventsByTagQuery> journal, ProjectionSettings settings) =>
        Props.Create(() => new ProjectionRunner(projection, schema, journal, settings));

    protected override void PreStart()
    {
        var (schema, name) = (_schema, _projection.Name);
        Task.Run(async () =>
        {
            await schema.EnsureAsync();
            await using var session = await schema.Database.OpenAsync();
            return new Started(await ProjectionOffsets.ReadAsync(session, name, CancellationToken.None));
        }).PipeTo(Self);
    }

    protected override void PostStop() => _killSwitch?.Shutdown();

    private void Follow(long offset)
    {
        var generation = ++_generation;
        _log.Info("projection {0} follows tag {1} after offset {2}", _projection.Name, _projection.Tag, offset);
        var (killSwitch, done) = _journal().EventsByTag(_projection.Tag, Offset.Sequence(offset))
            .ViaMaterialized(KillSwitches.Single<EventEnvelope>(), Keep.Right)
            .GroupedWithin(_settings.BatchSize, _settings.BatchWindow)
            .SelectAsync(1, batch => ApplyBatchAsync(_projection, _schema.Database, batch))
            .ToMaterialized(Sink.Ignore<Done>(), Keep.Both)
            .Run(Context.Materializer());
        _killSwitch = killSwitch;
        var self = Self;
        done.ContinueWith(t => self.Tell(new StreamEnded(generation, t.Exception?.GetBaseException())), TaskScheduler.Default);
    }

    private void Reset()
    {
        _killSwitch = null;
        var (projection, database) = (_projection, _schema.Database);
        Task.Run(async () =>
        {
            await using var session = await database.BeginAsync();
            await projection.ResetAsync(session, CancellationToken.None);
            await ProjectionOffsets.DeleteAsync(session, projection.Name, CancellationToken.None);
            await session.CommitAsync();
            return ResetDone.Instance;
        }).PipeTo(Self);
    }

    /// <summary>The batch's rows and its last offset in one transaction: both commit or neither does.</summary>
    public static async Task<Done> ApplyBatchAsync(IProjection projection, ReadModelDatabase database, IEnumerable<EventEnvelope> batch)
    {
        if (projection is IPreparedProjection prepared)
        {
            var events = batch as IReadOnlyList<EventEnvelope> ?? batch.ToList();
            await prepared.PrepareAsync(events, CancellationToken.None);
            batch = events;
        }
        await using var session = await database.BeginAsync();
        EventEnvelope? last = null;
        foreach (var envelope in batch)
        {
            await projection.ApplyAsync(session, envelope, CancellationToken.None);
            last = envelope;
        }
        if (last is null) return Done.Instance;
        await ProjectionOffsets.StoreAsync(session, projection.Name, ((Sequence)last.Offset).Value, EventTime(last.Timestamp),
            DateTimeOffset.UtcNow, CancellationToken.None);
        await session.CommitAsync();
        return Done.Instance;
    }

    /// <summary>The journal's timestamp: Unix milliseconds, or .NET ticks (what Akka stamps when the writer set none).</summary>
    public static DateTimeOffset EventTime(long timestamp) =>
        timestamp > 100_000_000_000_000 ? new DateTimeOffset(timestamp, TimeSpan.Zero) : DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(0, timestamp));

    private sealed record Started(long Offset);
    private sealed record StreamEnded(int Generation, Exception? Cause);
    private sealed class ResetDone { public static readonly ResetDone Instance = new(); }
}
