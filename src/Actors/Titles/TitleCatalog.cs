using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// The read side for listing and searching titles: one per node, a projection of every title's events kept in memory.
/// Sharded entities cannot be enumerated, so the catalog reads the journal: all events tagged "title" (one
/// events-by-tag query, see <see cref="TitleEventTagger"/>), folded with the entity's own <see cref="TitleState.Apply"/>,
/// first to the end of what is stored, then live as new events are written by any node.
/// Why this and not distributed data: the journal is the only store that survives a restart of the whole cluster
/// (durable ddata is not available here), so a catalog rebuilt from it is complete after any restart, on every node,
/// without the entities having to republish. Searches wait until the first full read is done, so a node never answers
/// from a half-loaded catalog; after that a new title shows up within the read journal's refresh interval.
/// </summary>
public sealed class TitleCatalog : ReceiveActor, IWithStash, IWithTimers
{
    public const string Name = "title-catalog";

    private readonly Func<IReadJournal> _openJournal;
    private readonly TimeSpan _retryAfter;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Dictionary<string, CatalogEntry> _titles = new(StringComparer.Ordinal);
    private Offset _offset = Offset.NoOffset();
    private IMaterializer? _materializer;

    public TitleCatalog(Func<IReadJournal> openJournal, TimeSpan retryAfter)
    {
        _openJournal = openJournal;
        _retryAfter = retryAfter;
        Loading();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(Func<IReadJournal> openJournal, TimeSpan? retryAfter = null) =>
        Props.Create(() => new TitleCatalog(openJournal, retryAfter ?? TimeSpan.FromSeconds(3)));

    protected override void PreStart() => Self.Tell(Load.Instance);

    private void Loading()
    {
        Receive<Load>(_ => StartLoading());
        Receive<Loaded>(loaded =>
        {
            (_titles, _offset) = (loaded.Titles, loaded.Offset);
            _log.Info("title catalog loaded {0} titles", _titles.Count);
            Become(Live);
            Stash.UnstashAll();
            Self.Tell(Follow.Instance);
        });
        Receive<Status.Failure>(failure =>
        {
            _log.Warning(failure.Cause, "title catalog could not read the journal; retrying in {0}", _retryAfter);
            Timers.StartSingleTimer(Load.Instance, Load.Instance, _retryAfter);
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Live()
    {
        Receive<SearchTitles>(search => Sender.Tell(TitleSearch.Run(_titles.Values.Select(t => t.State), search)));
        Receive<FindTitle>(find => Sender.Tell(new TitleLookup(find.TitleId,
            _titles.GetValueOrDefault(find.TitleId) is { State.Exists: true } known ? TitleSearch.Summary(known.State) : null)));
        Receive<Follow>(_ => StartFollowing());
        Receive<StreamInit>(_ => Sender.Tell(Ack.Instance));
        Receive<EventEnvelope>(envelope =>
        {
            ApplyEnvelope(_titles, envelope);
            _offset = envelope.Offset;
            Sender.Tell(Ack.Instance);
        });
        Receive<StreamEnded>(ended =>
        {
            if (ended.Cause is not null) _log.Warning(ended.Cause, "title catalog stopped following the journal; resuming in {0}", _retryAfter);
            Timers.StartSingleTimer(Follow.Instance, Follow.Instance, _retryAfter);
        });
    }

    /// <summary>Reads every stored title event to the end, off the actor's thread, and hands the result back.</summary>
    private void StartLoading()
    {
        var (open, materializer) = (_openJournal, Materializer);
        Task.Run(async () =>
        {
            var journal = (ICurrentEventsByTagQuery)open();
            var titles = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            Offset offset = Offset.NoOffset();
            await journal.CurrentEventsByTag(TitleEventTagger.Tag, Offset.NoOffset())
                .RunForeach(envelope => { ApplyEnvelope(titles, envelope); offset = envelope.Offset; }, materializer);
            return new Loaded(titles, offset);
        }).PipeTo(Self);
    }

    /// <summary>Follows new events from where the catalog is; the stream waits for each to be applied (back-pressure).</summary>
    private void StartFollowing()
    {
        // Opened already by the load (read journals are created once per system), so this does not block.
        var journal = (IEventsByTagQuery)_openJournal();
        journal.EventsByTag(TitleEventTagger.Tag, _offset)
            .RunWith(Sink.ActorRefWithAck<EventEnvelope>(Self, StreamInit.Instance, Ack.Instance, new StreamEnded(null), e => new StreamEnded(e)),
                Materializer);
    }

    private IMaterializer Materializer => _materializer ??= Context.Materializer();

    /// <summary>Folds one event into its title; a repeat (same or older sequence number) changes nothing.</summary>
    internal static void ApplyEnvelope(Dictionary<string, CatalogEntry> titles, EventEnvelope envelope)
    {
        if (envelope.Event is not ITitleEvent e || !envelope.PersistenceId.StartsWith(TitleEntity.PersistenceIdPrefix, StringComparison.Ordinal)) return;
        var id = envelope.PersistenceId[TitleEntity.PersistenceIdPrefix.Length..];
        var known = titles.GetValueOrDefault(id) ?? new CatalogEntry(TitleState.Empty(id), 0);
        if (envelope.SequenceNr <= known.SequenceNr) return;
        titles[id] = new CatalogEntry(known.State.Apply(e), envelope.SequenceNr);
    }

    /// <summary>A title as folded so far, and the sequence number of the last event folded in.</summary>
    internal sealed record CatalogEntry(TitleState State, long SequenceNr);

    private sealed class Load { public static readonly Load Instance = new(); }
    private sealed class Follow { public static readonly Follow Instance = new(); }
    private sealed class StreamInit { public static readonly StreamInit Instance = new(); }
    private sealed class Ack { public static readonly Ack Instance = new(); }
    private sealed record StreamEnded(Exception? Cause);
    private sealed record Loaded(Dictionary<string, CatalogEntry> Titles, Offset Offset);
}
