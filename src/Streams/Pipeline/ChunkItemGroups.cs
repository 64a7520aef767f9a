using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Which rungs of a chunk one work item encodes (one ffmpeg: one decode of the chunk, split to each rung), and in which
/// order a chunk's items go. Every extra item of a chunk decodes it again and starts another ffmpeg (each ~0.2–0.4
/// CPU-s for a 4 s 720p chunk), so a chunk is one item for all its rungs except at the two ends, which split in two:
/// the first chunk into its lowest rung alone, then the rest (the lowest rung is done in a fraction of a chunk's time,
/// so the title plays within seconds), and the last chunk into two halves of about equal pixels, largest first, so the
/// batch ends in half-chunk items: workers take items as slots free up, and the last slots to finish then end within
/// about half a chunk's ladder of each other. Pure.
/// </summary>
public static class ChunkItemGroups
{
    /// <returns>Groups of indexes into <paramref name="rungs"/>, each in ladder order, in the order they should be
    /// encoded; together every rung once.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> For(int chunkIndex, int chunkCount, IReadOnlyList<Rung> rungs)
    {
        var all = Enumerable.Range(0, rungs.Count).ToList();
        if (chunkCount < 2 || rungs.Count < 2) return [all];
        if (chunkIndex == 0)
        {
            var lowest = all.MinBy(i => Pixels(rungs[i]));
            return [[lowest], all.Where(i => i != lowest).ToList()];
        }
        return chunkIndex == chunkCount - 1 ? Halves(all, rungs) : [all];
    }

    /// <summary>The largest rungs until they hold at least half the chunk's pixels, then the rest: two items of about
    /// equal encode time (e.g. 720p against 240p+360p+480p), the larger first.</summary>
    private static IReadOnlyList<IReadOnlyList<int>> Halves(List<int> all, IReadOnlyList<Rung> rungs)
    {
        var total = all.Sum(i => Pixels(rungs[i]));
        var first = new List<int>();
        long held = 0;
        foreach (var i in all.OrderByDescending(i => Pixels(rungs[i])))
        {
            if (2 * held >= total) break;
            first.Add(i);
            held += Pixels(rungs[i]);
        }
        var rest = all.Except(first).ToList();
        return rest.Count == 0 ? [all] : [first.Order().ToList(), rest];
    }

    private static long Pixels(Rung rung) => (long)rung.Width * rung.Height;
}
