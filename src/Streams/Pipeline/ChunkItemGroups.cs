using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Which rungs of a chunk one work item encodes (one ffmpeg: one decode of the chunk, split to each rung). Every extra
/// item of a chunk decodes it again and starts another ffmpeg, so a chunk is one item for all its rungs except where
/// splitting buys time: the first chunk one item per rung (its lowest rung is done in a fraction of a chunk's time, so
/// the title plays within seconds), and the last chunk in two items of about equal pixels, so the batch ends in items
/// half a chunk long and no slot idles long while another finishes. Pure.
/// </summary>
public static class ChunkItemGroups
{
    /// <returns>Groups of indexes into <paramref name="rungs"/>, each in ladder order; together every rung once.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> For(int chunkIndex, int chunkCount, IReadOnlyList<Rung> rungs)
    {
        var all = Enumerable.Range(0, rungs.Count).ToList();
        if (chunkCount < 2 || rungs.Count < 2) return [all];
        if (chunkIndex == 0) return all.Select(i => (IReadOnlyList<int>)[i]).ToList();
        return chunkIndex == chunkCount - 1 ? Halves(rungs, all) : [all];
    }

    /// <summary>The smallest rungs in one item and the largest in the other, the cut where the two sums of pixels are closest.</summary>
    private static IReadOnlyList<IReadOnlyList<int>> Halves(IReadOnlyList<Rung> rungs, List<int> all)
    {
        var bySize = all.OrderBy(i => Pixels(rungs[i])).ToList();
        var total = bySize.Sum(i => Pixels(rungs[i]));
        var cut = Enumerable.Range(1, bySize.Count - 1)
            .MinBy(k => Math.Abs(total - 2 * bySize.Take(k).Sum(i => Pixels(rungs[i]))));
        return [bySize.Take(cut).Order().ToList(), bySize.Skip(cut).Order().ToList()];
    }

    private static long Pixels(Rung rung) => (long)rung.Width * rung.Height;
}
