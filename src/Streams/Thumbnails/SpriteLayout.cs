namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// Lays thumbnails out on sprite sheets (<c>sprite-0.jpg</c>, <c>sprite-1.jpg</c> …, row by row, at most columns × rows
/// each) and gives each the span of the title it previews: from its frame to the next one's, the first from 0 and the
/// last to the end, so the cues cover the whole duration without a gap.
/// </summary>
public static class SpriteLayout
{
    public static string SheetName(int sheet) => $"sprite-{sheet}.jpg";

    /// <param name="times">The thumbnails' frame times, ascending.</param>
    public static IReadOnlyList<SpriteTile> Tiles(IReadOnlyList<TimeSpan> times, TimeSpan duration, int width, int height, int columns, int rows)
    {
        var perSheet = columns * rows;
        var end = times.Count == 0 ? duration : Max(duration, times[^1] + TimeSpan.FromMilliseconds(1));
        var tiles = new List<SpriteTile>(times.Count);
        for (var i = 0; i < times.Count; i++)
        {
            var slot = i % perSheet;
            var start = i == 0 ? TimeSpan.Zero : times[i];
            var next = i + 1 < times.Count ? times[i + 1] : end;
            tiles.Add(new SpriteTile(start, next, SheetName(i / perSheet), slot % columns * width, slot / columns * height, width, height));
        }
        return tiles;
    }

    /// <summary>The grid of one sheet holding <paramref name="count"/> thumbnails: full rows, fewer columns only for a short title.</summary>
    public static (int Columns, int Rows) Grid(int count, int columns) =>
        (Math.Min(count, columns), (count + columns - 1) / columns);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
