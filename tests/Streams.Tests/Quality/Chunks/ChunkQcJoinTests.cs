using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Chunks;
using MediaPlatform.Streams.Quality.Pixels;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Tests.Quality.Chunks;

/// <summary>How chunk checks join into a title's findings: spans across boundaries, thresholds on the joined spans, votes on pixels.</summary>
public class ChunkQcJoinTests
{
    private static readonly QcThresholds T = QcThresholds.Default;

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static ChunkPictureQc Chunk(double start, double end, (double, double)[]? black = null, (double, double)[]? frozen = null,
        StuckPixel[]? pixels = null, int sampled = 0) =>
        new(S(start), S(end), (black ?? []).Select(b => new TimeRange(S(b.Item1), S(b.Item2))).ToList(),
            (frozen ?? []).Select(f => new TimeRange(S(f.Item1), S(f.Item2))).ToList(), pixels ?? [], pixels?.Length ?? 0, sampled);

    [Fact]
    public void Black_running_through_a_whole_chunk_joins_its_neighbours_into_one_span_that_can_block()
    {
        // 1 s + 4 s + 1.5 s of black over three chunks: 6.5 s of 12 s, more than half the title.
        var findings = ChunkQcJoin.Findings([
            Chunk(0, 4, black: [(3, 4)]),
            Chunk(4, 8, black: [(4, 8)]),
            Chunk(8, 12, black: [(8, 9.5)]),
        ], T);

        var span = Assert.Single(findings, f => f.Check == QcChecks.Black && f.Severity == QcSeverity.Warning);
        Assert.Equal((S(3), S(9.5)), (span.Start, span.End));
        Assert.Contains(findings, f => f.Check == QcChecks.Black && f.Severity == QcSeverity.Error);
        Assert.True(QcReport.From(findings, T).BlocksPublishing);
    }

    [Fact]
    public void Spans_that_do_not_meet_at_the_boundary_stay_apart_and_are_held_to_the_thresholds_alone()
    {
        // 1.5 s ends a frame before chunk 0 does; chunk 1's black starts 0.2 s in: two short spans, Info only.
        var findings = ChunkQcJoin.Findings([
            Chunk(0, 4, black: [(2.46, 3.96)]),
            Chunk(4, 8, black: [(4.2, 5.7)]),
        ], T);

        var black = findings.Where(f => f.Check == QcChecks.Black).ToList();
        Assert.Equal(2, black.Count);
        Assert.All(black, f => Assert.Equal(QcSeverity.Info, f.Severity));
    }

    [Fact]
    public void Short_pieces_joined_across_a_boundary_reach_the_minimum_lengths_and_black_is_not_also_frozen()
    {
        // 0.3 s + 0.4 s of black (each under blackdetect's 0.5 s) and a freeze of 0.6 s + 0.6 s (each under 1 s).
        var findings = ChunkQcJoin.Findings([
            Chunk(0, 4, black: [(3.7, 4)], frozen: [(3.7, 4)]),
            Chunk(4, 8, black: [(4, 4.4)], frozen: [(4, 4.4)]),
            Chunk(8, 12, frozen: [(11.4, 12)]),
            Chunk(12, 16, frozen: [(12, 12.6)]),
        ], T);

        Assert.Equal((S(3.7), S(4.4)), Assert.Single(findings, f => f.Check == QcChecks.Black).Range());
        Assert.Equal((S(11.4), S(12.6)), Assert.Single(findings, f => f.Check == QcChecks.Freeze).Range());
    }

    [Fact]
    public void A_pixel_stuck_in_most_judged_chunks_is_reported_and_one_stuck_in_a_single_chunk_is_not()
    {
        var bright = new StuckPixel(10, 20, StuckPixelKind.Bright, 1);
        var once = new StuckPixel(5, 5, StuckPixelKind.Dark, 0.9);
        var findings = ChunkQcJoin.Findings([
            Chunk(0, 4, pixels: [bright, once], sampled: 8),
            Chunk(4, 8, pixels: [bright], sampled: 8),
            Chunk(8, 12, pixels: [bright], sampled: 8),
            Chunk(12, 13, sampled: 2), // too few frames to judge: no vote
        ], T);

        var stuck = Assert.Single(findings, f => f.Check == QcChecks.StuckPixel);
        Assert.Equal((10, 20), (stuck.X, stuck.Y));
        Assert.Contains("24 sampled frames", stuck.Message);
    }
}

internal static class FindingRange
{
    public static (TimeSpan?, TimeSpan?) Range(this QcFinding f) => (f.Start, f.End);
}
