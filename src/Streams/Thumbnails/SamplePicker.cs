namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// Chooses, from candidate frames in time order, the ones a title's preview shows and its poster, keeping only the
/// pixels of frames it may still pick (memory grows with the preview, not with the title): the first frame at or after
/// each multiple of the spacing; the strongest scene changes (capped, none close to a spaced frame); and as poster the
/// most detailed frame that is neither near black nor near white (the brightest if every frame is dark).
/// </summary>
public sealed class SamplePicker(TimeSpan spacing, ThumbnailOptions options)
{
    private const double PosterLumaCeiling = 235;
    private readonly List<SampledFrame> _spaced = [];
    private readonly PriorityQueue<SampledFrame, double> _scenes = new();
    private TimeSpan _nextDue = TimeSpan.Zero;

    public int Candidates { get; private set; }

    /// <summary>The poster's frame: the best lit, most detailed candidate seen so far.</summary>
    public SampledFrame? Poster { get; private set; }

    public void Add(SampledFrame frame)
    {
        Candidates++;
        if (Poster is null || PosterRank(frame).CompareTo(PosterRank(Poster)) > 0) Poster = frame;
        if (frame.Time >= _nextDue || _spaced.Count == 0)
        {
            _spaced.Add(frame);
            while (_nextDue <= frame.Time) _nextDue += spacing;
            return;
        }
        if (frame.SceneScore <= options.SceneThreshold || options.MaxSceneFrames == 0) return;
        _scenes.Enqueue(frame, frame.SceneScore);
        if (_scenes.Count > options.MaxSceneFrames) _scenes.Dequeue(); // the weakest change goes
    }

    /// <summary>The frames to thumbnail, in time order: spaced frames and the scene changes not too close to one.</summary>
    public IReadOnlyList<SampledFrame> Picks()
    {
        var near = spacing / 4;
        var scenes = _scenes.UnorderedItems.Select(s => s.Element)
            .Where(s => _spaced.All(p => (p.Time - s.Time).Duration() >= near));
        return [.. _spaced.Concat(scenes).OrderBy(f => f.Time)];
    }

    /// <summary>Well lit before anything (a lit frame always beats a dark one), then detail; brightness breaks ties among dark ones.</summary>
    private static (bool Lit, double Detail, double Luma) PosterRank(SampledFrame f) =>
        (f.MeanLuma >= ThumbnailOptions.PosterLumaFloor && f.MeanLuma <= PosterLumaCeiling, f.MeanLuma >= ThumbnailOptions.PosterLumaFloor ? f.Detail : 0, f.MeanLuma);
}
