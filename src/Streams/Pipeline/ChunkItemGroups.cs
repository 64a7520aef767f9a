using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Which rungs of a chunk one work item encodes (one ffmpeg: one decode of the chunk, split to each rung), and in which
/// order a chunk's items go. Every extra item of a chunk decodes it again and starts another ffmpeg, so a chunk is one
/// item for all its rungs except where splitting buys time: the first chunk one item per rung, lowest first (its lowest
/// rung is done in a fraction of a chunk's time, so the title plays within seconds), and the last chunk one item per
/// rung, largest first, so the batch ends in its smallest items: workers take items as slots free up, and the last
/// slots to finish then end within the smallest rung's encode of each other instead of idling while one finishes a
/// whole chunk's worth. Pure.
/// </summary>
public static class ChunkItemGroups
{
    /// <returns>Groups of indexes into <paramref name="rungs"/>, each in ladder order, in the order they should be
    /// encoded; together every rung once.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> For(int chunkIndex, int chunkCount, IReadOnlyList<Rung> rungs)
    {
        var all = Enumerable.Range(0, rungs.Count).ToList();
        if (chunkCount < 2 || rungs.Count < 2) return [all];
        if (chunkIndex == 0) return all.OrderBy(i => Pixels(rungs[i])).Select(i => (IReadOnlyList<int>)[i]).ToList();
        return chunkIndex == chunkCount - 1 ? all.OrderByDescending(i => Pixels(rungs[i])).Select(i => (IReadOnlyList<int>)[i]).ToList() : [all];
    }

    private static long Pixels(Rung rung) => (long)rung.Width * rung.Height;
}
