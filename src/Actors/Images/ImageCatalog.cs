using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Streams.Images;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// The read side for searching images by tag and by near duplicate: one per node, every image's events folded with
/// <see cref="ImageState.Apply"/> from the journal (events tagged "image"), first to the end of what is stored, then
/// live — the same design as the title catalog, for the same reasons (sharded entities cannot be enumerated; the
/// journal survives a restart of the whole cluster). Searches wait for the first full read.
/// Near duplicates are found by brute force: a Hamming distance (one XOR and a popcount) against every complete
/// image's 64-bit hash, about a microsecond per thousand images. That stays well under a millisecond up to ~10^5
/// images per node; past a few million (memory for the folded states too), use a BK-tree or multi-index hashing
/// (split the hash into blocks, look up exact block matches) and keep only hashes and tags here.
/// </summary>
public sealed class ImageCatalog : ReceiveActor, IWithStash, IWithTimers
{
    public const string Name = "image-catalog";

    private readonly Func<IReadJournal> _openJournal;
    private readonly TimeSpan _retryAfter;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Dictionary<string, Entry> _images = new(StringComparer.Ordinal);
    private Offset _offset = Offset.NoOffset();
    private IMaterializer? _materializer;

    public ImageCatalog(Func<IReadJournal> openJournal, TimeSpan retryAfter)
    {
        _openJournal = openJournal;
        _retryAfter = retryAfter;
        Loading();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props PropsFor(Func<IReadJournal> openJournal, TimeSpan? retryAfter = null) =>
        Props.Create(() => new ImageCatalog(openJournal, retryAfter ?? TimeSpan.FromSeconds(3)));

    protected override void PreStart() => Self.Tell(Load.Instance);

    private void Loading()
    {
        Receive<Load>(_ => StartLoading());
        Receive<Loaded>(loaded =>
        {
            (_images, _offset) = (loaded.Images, loaded.Offset);
            _log.Info("image catalog loaded {0} images", _images.Count);
            Become(Live);
            Stash.UnstashAll();
            Self.Tell(Follow.Instance);
        });
        Receive<Status.Failure>(failure =>
        {
            _log.Warning(failure.Cause, "image catalog could not read the journal; retrying in {0}", _retryAfter);
            Timers.StartSingleTimer(Load.Instance, Load.Instance, _retryAfter);
        });
        ReceiveAny(_ => Stash.Stash());
    }

    private void Live()
    {
        Receive<FindImagesByTag>(find => Sender.Tell(new ImageSearchResult(Complete()
            .Where(s => s.Tags().Contains(find.Tag, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.SubmittedAt).Take(find.Limit)
            .Select(s => Summary(s, null)).ToList())));
        Receive<FindSimilarImages>(find =>
        {
            if (_images.GetValueOrDefault(find.ImageId) is not { } known || HashOf(known.State) is not { } hash)
            {
                Sender.Tell(new ImageSearchResult([], Known: false));
                return;
            }
            Sender.Tell(new ImageSearchResult(Complete()
                .Where(s => s.ImageId != find.ImageId)
                .Select(s => (State: s, Distance: PerceptualHash.Distance(hash, HashOf(s)!.Value)))
                .Where(p => p.Distance <= find.MaxDistance)
                .OrderBy(p => p.Distance).ThenBy(p => p.State.ImageId, StringComparer.Ordinal).Take(find.Limit)
                .Select(p => Summary(p.State, p.Distance)).ToList()));
        });
        Receive<Follow>(_ => StartFollowing());
        Receive<StreamInit>(_ => Sender.Tell(Ack.Instance));
        Receive<EventEnvelope>(envelope =>
        {
            ApplyEnvelope(_images, envelope);
            _offset = envelope.Offset;
            Sender.Tell(Ack.Instance);
        });
        Receive<StreamEnded>(ended =>
        {
            if (ended.Cause is not null) _log.Warning(ended.Cause, "image catalog stopped following the journal; resuming in {0}", _retryAfter);
            Timers.StartSingleTimer(Follow.Instance, Follow.Instance, _retryAfter);
        });
    }

    private IEnumerable<ImageState> Complete() => _images.Values.Select(e => e.State).Where(s => s.Status == ImageStatus.Complete);

    private static ulong? HashOf(ImageState state) =>
        state.Results.GetValueOrDefault(ImageStage.Tag)?.Tags?.Hash is { } hex && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash)
            ? hash : null;

    private static ImageSummary Summary(ImageState s, int? distance) => new(s.ImageId, s.Kind, s.SubjectId, s.Tags(), distance);

    private void StartLoading()
    {
        var (open, materializer) = (_openJournal, Materializer);
        Task.Run(async () =>
        {
            var journal = (ICurrentEventsByTagQuery)open();
            var images = new Dictionary<string, Entry>(StringComparer.Ordinal);
            Offset offset = Offset.NoOffset();
            await journal.CurrentEventsByTag(ImageEventTagger.Tag, Offset.NoOffset())
                .RunForeach(envelope => { ApplyEnvelope(images, envelope); offset = envelope.Offset; }, materializer);
            return new Loaded(images, offset);
        }).PipeTo(Self);
    }

    private void StartFollowing()
    {
        var journal = (IEventsByTagQuery)_openJournal();
        journal.EventsByTag(ImageEventTagger.Tag, _offset)
            .RunWith(Sink.ActorRefWithAck<EventEnvelope>(Self, StreamInit.Instance, Ack.Instance, new StreamEnded(null), e => new StreamEnded(e)),
                Materializer);
    }

    private IMaterializer Materializer => _materializer ??= Context.Materializer();

    /// <summary>Folds one event into its image; a repeat (same or older sequence number) changes nothing.</summary>
    private static void ApplyEnvelope(Dictionary<string, Entry> images, EventEnvelope envelope)
    {
        if (envelope.Event is not IImageEvent e || !envelope.PersistenceId.StartsWith(ImageEntity.PersistenceIdPrefix, StringComparison.Ordinal)) return;
        var id = envelope.PersistenceId[ImageEntity.PersistenceIdPrefix.Length..];
        var known = images.GetValueOrDefault(id) ?? new Entry(ImageState.Empty(id), 0);
        if (envelope.SequenceNr <= known.SequenceNr) return;
        images[id] = new Entry(known.State.Apply(e), envelope.SequenceNr);
    }

    private sealed record Entry(ImageState State, long SequenceNr);

    private sealed class Load { public static readonly Load Instance = new(); }
    private sealed class Follow { public static readonly Follow Instance = new(); }
    private sealed class StreamInit { public static readonly StreamInit Instance = new(); }
    private sealed class Ack { public static readonly Ack Instance = new(); }
    private sealed record StreamEnded(Exception? Cause);
    private sealed record Loaded(Dictionary<string, Entry> Images, Offset Offset);
}
