using MediaPlatform.Streams.Quality.Pixels;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Quality.Chunks;

/// <summary>
/// A title's picture findings from its chunks' analyses. A black or frozen span that runs to the end of one chunk and
/// on from the start of the next is one span: spans are joined across chunk boundaries before the title's thresholds
/// (minimum lengths, "black longer than N s", the black share of the whole) apply, so they hold as if the source
/// had been analysed whole. A pixel is stuck for the title when it is stuck (the same way) in at least
/// <see cref="QcThresholds.StuckPixelFrameFraction"/> of the chunks that sampled enough frames to judge.
/// </summary>
public static class ChunkQcJoin
{
    /// <summary>How far a span may start after its chunk's first frame and still continue the previous chunk's span.</summary>
    public static readonly TimeSpan BoundaryTolerance = TimeSpan.FromMilliseconds(50);

    public static IReadOnlyList<QcFinding> Findings(IReadOnlyList<ChunkPictureQc> chunks, QcThresholds t)
    {
        if (chunks.Count == 0) return [];
        var ordered = chunks.OrderBy(c => c.Start).ToList();
        var duration = ordered[^1].End - ordered[0].Start;
        var black = JoinAcrossBoundaries(ordered, c => c.Black)
            .Where(r => r.Duration.TotalSeconds >= t.BlackDetectMinSeconds).ToList();
        // A black picture is a frozen one too: black time is cut out of frozen spans (before they are held to their minimum).
        var frozen = TimeRange.Subtract(JoinAcrossBoundaries(ordered, c => c.Frozen), JoinAcrossBoundaries(ordered, c => c.Black))
            .Where(r => r.Duration.TotalSeconds >= t.FreezeDetectMinSeconds).ToList();
        var findings = VideoFindings.FromSpans(new DetectedSpans(black, frozen, []), duration, t).ToList();
        findings.AddRange(StuckPixels(ordered, t));
        return findings;
    }

    /// <summary>Spans in title time, those meeting at a chunk boundary joined into one.</summary>
    public static IReadOnlyList<TimeRange> JoinAcrossBoundaries(IReadOnlyList<ChunkPictureQc> ordered, Func<ChunkPictureQc, IReadOnlyList<TimeRange>> spansOf)
    {
        var joined = new List<TimeRange>();
        TimeRange? open = null; // the previous chunk's last span, which ran to that chunk's end
        var previousEnd = TimeSpan.MinValue;
        foreach (var chunk in ordered)
        {
            var spans = spansOf(chunk).OrderBy(s => s.Start).ToList();
            if (open is not null)
            {
                if (spans.Count > 0 && (chunk.Start - previousEnd).Duration() <= BoundaryTolerance && spans[0].Start - chunk.Start <= BoundaryTolerance)
                    spans[0] = new TimeRange(open.Start, spans[0].End);
                else joined.Add(open);
                open = null;
            }
            for (var i = 0; i < spans.Count; i++)
            {
                if (i == spans.Count - 1 && chunk.End - spans[i].End <= TimeSpan.FromMilliseconds(1)) open = spans[i];
                else joined.Add(spans[i]);
            }
            previousEnd = chunk.End;
        }
        if (open is not null) joined.Add(open);
        return joined;
    }

    private static IEnumerable<QcFinding> StuckPixels(IReadOnlyList<ChunkPictureQc> ordered, QcThresholds t)
    {
        var judged = ordered.Where(c => c.SampledFrames >= ChunkPictureAnalysis.MinSampledFrames).ToList();
        if (judged.Count == 0) return [];
        var needed = Math.Max(1, (int)Math.Ceiling(t.StuckPixelFrameFraction * judged.Count - 1e-9));
        var frames = judged.Sum(c => c.SampledFrames);
        var crowded = judged.Where(c => c.StuckPixelCount > t.StuckPixelMaxReported && c.StuckPixels.Count > 0).ToList();
        if (crowded.Count >= needed)
            return [VideoFindings.ManyStuckPixels(crowded.Max(c => c.StuckPixelCount), crowded[0].StuckPixels[0], frames, t)];
        var stuck = judged
            .SelectMany(c => c.StuckPixels.Select(p => (Pixel: p, c.SampledFrames)))
            .GroupBy(x => (x.Pixel.X, x.Pixel.Y, x.Pixel.Kind))
            .Where(g => g.Count() >= needed)
            .Select(g => new StuckPixel(g.Key.X, g.Key.Y, g.Key.Kind, g.Sum(x => x.Pixel.Share * x.SampledFrames) / frames))
            .OrderBy(p => p.Y).ThenBy(p => p.X)
            .ToList();
        return VideoFindings.FromPixels(stuck, frames, t);
    }
}
