using System.Globalization;
using Akka.Actor;
using Akka.Persistence.Query;
using MediaPlatform.Actors.ReadSide;
using MediaPlatform.Streams.Images;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// The read side for searching images by tag and by near duplicate: one per node, every image's events folded with
/// <see cref="ImageState.Apply"/> from the journal (events tagged "image"; <see cref="TagFold{TState,TEvent}"/>: loaded
/// to the end first, then live). Searches wait for the first full read.
/// Near duplicates are found by brute force: a Hamming distance (one XOR and a popcount) against every complete
/// image's 64-bit hash, about a microsecond per thousand images. That stays well under a millisecond up to ~10^5
/// images per node; past a few million (memory for the folded states too), use a BK-tree or multi-index hashing
/// (split the hash into blocks, look up exact block matches) and keep only hashes and tags here.
/// </summary>
public sealed class ImageCatalog(Func<IReadJournal> openJournal, TimeSpan retryAfter)
    : TagFold<ImageState, IImageEvent>(openJournal, retryAfter, ImageEventTagger.Tag, ImageEntity.PersistenceIdPrefix, "image catalog")
{
    public const string Name = "image-catalog";

    public static Props PropsFor(Func<IReadJournal> openJournal, TimeSpan? retryAfter = null) =>
        Props.Create(() => new ImageCatalog(openJournal, retryAfter ?? TimeSpan.FromSeconds(3)));

    protected override ImageState Empty(string id) => ImageState.Empty(id);

    protected override ImageState Apply(ImageState state, IImageEvent @event) => state.Apply(@event);

    protected override void Queries()
    {
        TitleFrames();
        Receive<FindImagesByTag>(find => Sender.Tell(new ImageSearchResult(Complete()
            .Where(s => s.Tags().Contains(find.Tag, StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.SubmittedAt).Take(find.Limit)
            .Select(s => Summary(s, null)).ToList())));
        Receive<FindSimilarImages>(find =>
        {
            if (StateOf(find.ImageId) is not { } known || HashOf(known) is not { } hash)
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
    }

    private void TitleFrames()
    {
        Receive<FindTitleFrames>(find => Sender.Tell(new TitleFramesResult(States.Select(e => e.Value)
            .Where(s => s.Kind == ImageKind.Frame && s.Status != ImageStatus.None && s.SubjectId == find.TitleId)
            .OrderBy(s => s.FrameAt).ThenBy(s => s.ImageId, StringComparer.Ordinal).Take(find.Limit)
            .Select(s => new TitleFrame(s.ImageId, (s.FrameAt ?? TimeSpan.Zero).TotalSeconds, s.Status, s.Tags(),
                s.Results.GetValueOrDefault(ImageStage.Detect)?.Faces?.Count, s.Results.GetValueOrDefault(ImageStage.Tag)?.Tags?.Hash))
            .ToList())));
    }

    private IEnumerable<ImageState> Complete() => States.Select(e => e.Value).Where(s => s.Status == ImageStatus.Complete);

    private static ulong? HashOf(ImageState state) =>
        state.Results.GetValueOrDefault(ImageStage.Tag)?.Tags?.Hash is { } hex && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hash)
            ? hash : null;

    private static ImageSummary Summary(ImageState s, int? distance) => new(s.ImageId, s.Kind, s.SubjectId, s.Tags(), distance);
}
