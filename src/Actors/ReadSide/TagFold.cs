using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.ReadSide;

/// <summary>
/// A per-node, in-memory read side: every event of one journal tag folded into a state per entity with the entity's
/// own Apply, first to the end of what is stored, then live as any node writes more. Queries (the subclass's
/// <see cref="Queries"/>) wait until the first full read is done, so a node never answers from a half-loaded fold;
/// after that a new event shows within the read journal's refresh interval. A read or a follow that fails is retried
/// after <c>retryAfter</c>. Why the journal and not distributed data: it is the only store that survives a restart of
/// the whole cluster, so a fold rebuilt from it is complete after any restart, on every node, without the entities
/// having to republish. For read models kept in tables with a stored offset, see <c>Projections</c>.
/// </summary>
public abstract class TagFold<TState, TEvent> : ReceiveActor, IWithStash, IWithTimers
    where TState : class
    where TEvent : class
{
    private readonly Func<IReadJournal> _openJournal;
    private readonly TimeSpan _retryAfter;
    private readonly string _tag;
    private readonly string _persistenceIdPrefix;
    private readonly string _what;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private Offset _offset = Offset.NoOffset();
    private IMaterializer? _materializer;

    /// <param name="what">What is folded, for the log ("image catalog").</param>
    protected TagFold(Func<IReadJournal> openJournal, TimeSpan retryAfter, string tag, string persistenceIdPrefix, string what)
    {
        (_openJournal, _retryAfter, _tag, _persistenceIdPrefix, _what) = (openJournal, retryAfter, tag, persistenceIdPrefix, what);
        Loading();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Every entity's state folded so far, by entity id.</summary>
    protected IEnumerable<KeyValuePair<string, TState>> States => _entries.Select(e => KeyValuePair.Create(e.Key, e.Value.State));

    protected TState? StateOf(string id) => _entries.GetValueOrDefault(id)?.State;

    /// <summary>The state of an entity before its first event.</summary>
    protected abstract TState Empty(string id);

    protected abstract TState Apply(TState state, TEvent @event);

    /// <summary>Registers the query handlers (called once loaded).</summary>
    protected abstract void Queries();

    protected override void PreStart() => Self.Tell(Load.Instance);

    private void Loading()
    {
        Receive<Load>(_ => StartLoading());
        Receive<Loaded>(loaded =>
        {
            (_entries, _offset) = (loaded.Entries, loaded.Offset);
            _log.Info("{0} loaded {1} entities", _what, _entries.Count);
            Become(Live);
            Stash.UnstashAll();
            Self.Tell(Follow.Instance);
        });
        Receive<Status.Failure>(failure =>
        {
            _log.Warning(failure.Cause, "{0} could not read the journal; retrying in {1}", _what, _retryAfter);
            Timers.StartSingleTimer(Load.Instance, Load.Instance, _retryAfter);
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Live()
    {
        Queries();
        Receive<Follow>(_ => StartFollowing());
        Receive<StreamInit>(_ => Sender.Tell(Ack.Instance));
        Receive<EventEnvelope>(envelope =>
        {
            ApplyEnvelope(_entries, envelope);
            _offset = envelope.Offset;
            Sender.Tell(Ack.Instance);
        });
        Receive<StreamEnded>(ended =>
        {
            if (ended.Cause is not null) _log.Warning(ended.Cause, "{0} stopped following the journal; resuming in {1}", _what, _retryAfter);
            Timers.StartSingleTimer(Follow.Instance, Follow.Instance, _retryAfter);
        });
    }

    /// <summary>Reads every stored event of the tag to the end, off the actor's thread, and hands the result back.</summary>
    private void StartLoading()
    {
        var (open, materializer) = (_openJournal, Materializer);
        Task.Run(async () =>
        {
            var journal = (ICurrentEventsByTagQuery)open();
            var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
            Offset offset = Offset.NoOffset();
            await journal.CurrentEventsByTag(_tag, Offset.NoOffset())
                .RunForeach(envelope => { ApplyEnvelope(entries, envelope); offset = envelope.Offset; }, materializer);
            return new Loaded(entries, offset);
        }).PipeTo(Self);
    }

    /// <summary>Follows new events from where the fold is; the stream waits for each to be applied (back-pressure).</summary>
    private void StartFollowing()
    {
        // Opened already by the load (read journals are created once per system), so this does not block.
        var journal = (IEventsByTagQuery)_openJournal();
        journal.EventsByTag(_tag, _offset)
            .RunWith(Sink.ActorRefWithAck<EventEnvelope>(Self, StreamInit.Instance, Ack.Instance, new StreamEnded(null), e => new StreamEnded(e)),
                Materializer);
    }

    private IMaterializer Materializer => _materializer ??= Context.Materializer();

    /// <summary>Folds one event into its entity; a repeat (same or older sequence number) changes nothing.</summary>
    private void ApplyEnvelope(Dictionary<string, Entry> entries, EventEnvelope envelope)
    {
        if (envelope.Event is not TEvent e || !envelope.PersistenceId.StartsWith(_persistenceIdPrefix, StringComparison.Ordinal)) return;
        var id = envelope.PersistenceId[_persistenceIdPrefix.Length..];
        var known = entries.GetValueOrDefault(id) ?? new Entry(Empty(id), 0);
        if (envelope.SequenceNr <= known.SequenceNr) return;
        entries[id] = new Entry(Apply(known.State, e), envelope.SequenceNr);
    }

    /// <summary>An entity as folded so far, and the sequence number of the last event folded in.</summary>
    private sealed record Entry(TState State, long SequenceNr);

    private sealed class Load { public static readonly Load Instance = new(); }
    private sealed class Follow { public static readonly Follow Instance = new(); }
    private sealed class StreamInit { public static readonly StreamInit Instance = new(); }
    private sealed class Ack { public static readonly Ack Instance = new(); }
    private sealed record StreamEnded(Exception? Cause);
    private sealed record Loaded(Dictionary<string, Entry> Entries, Offset Offset);
}
