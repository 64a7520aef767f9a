namespace MediaPlatform.Streams.Quality.Video;

/// <summary>A stretch of media time, start inclusive, end exclusive.</summary>
public sealed record TimeRange(TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;

    /// <summary><paramref name="ranges"/> with every part covered by <paramref name="holes"/> cut out.</summary>
    public static IReadOnlyList<TimeRange> Subtract(IEnumerable<TimeRange> ranges, IReadOnlyList<TimeRange> holes)
    {
        var result = new List<TimeRange>();
        foreach (var range in ranges)
        {
            var pieces = new List<TimeRange> { range };
            foreach (var hole in holes)
            {
                var next = new List<TimeRange>(pieces.Count + 1);
                foreach (var piece in pieces)
                {
                    if (hole.End <= piece.Start || hole.Start >= piece.End) { next.Add(piece); continue; }
                    if (hole.Start > piece.Start) next.Add(piece with { End = hole.Start });
                    if (hole.End < piece.End) next.Add(piece with { Start = hole.End });
                }
                pieces = next;
            }
            result.AddRange(pieces);
        }
        return result;
    }
}
