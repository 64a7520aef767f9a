using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Tests.Pipeline;

/// <summary>
/// How a title's chunks become work items: every extra item decodes its chunk again in another ffmpeg, so only the
/// first chunk (its lowest rung alone first, for a quick first segment, then the rest) and the last (two halves of about
/// equal pixels, larger first, for an even end) split, each in two, in the order the queue should take them.
/// </summary>
public sealed class ChunkItemGroupsSpecs
{
    private static readonly IReadOnlyList<Rung> Ladder = [Rung("240p", 426, 240), Rung("360p", 640, 360), Rung("480p", 854, 480), Rung("720p", 1280, 720)];

    [Fact]
    public void A_middle_chunk_must_be_one_item_for_every_rung()
    {
        Assert.Equal([[0, 1, 2, 3]], ChunkItemGroups.For(7, 15, Ladder));
    }

    [Fact]
    public void The_first_chunk_must_be_its_lowest_rung_alone_then_one_item_for_the_rest()
    {
        Assert.Equal([[0], [1, 2, 3]], ChunkItemGroups.For(0, 15, Ladder));
        Assert.Equal([[1], [0]], ChunkItemGroups.For(0, 15, [Ladder[3], Ladder[0]])); // by size, not by ladder place
    }

    [Fact]
    public void The_last_chunk_must_be_two_items_of_about_equal_pixels_the_larger_first()
    {
        // 720p holds 921,600 pixels, 240p+360p+480p 742,560: each half about half the chunk's encode.
        Assert.Equal([[3], [0, 1, 2]], ChunkItemGroups.For(14, 15, Ladder));
        Assert.Equal([[1], [0]], ChunkItemGroups.For(1, 2, [Ladder[0], Ladder[1]]));
        // Two rungs of the same size still make two items.
        Assert.Equal([[0], [1]], ChunkItemGroups.For(4, 5, [Ladder[1], Ladder[1]]));
        // Without a dominant top rung the larger half takes the largest rungs until it holds half the pixels.
        Assert.Equal([[0, 1], [2, 3]], ChunkItemGroups.For(4, 5, [Ladder[1], Ladder[1], Ladder[1], Ladder[1]]));
    }

    [Fact]
    public void A_single_chunk_or_a_single_rung_must_be_one_item()
    {
        Assert.Equal([[0, 1, 2, 3]], ChunkItemGroups.For(0, 1, Ladder));
        Assert.Equal([[0]], ChunkItemGroups.For(0, 15, [Ladder[0]]));
        Assert.Equal([[0]], ChunkItemGroups.For(14, 15, [Ladder[0]]));
    }

    [Fact]
    public void Every_rung_of_every_chunk_must_be_in_exactly_one_item()
    {
        for (var chunk = 0; chunk < 5; chunk++)
            Assert.Equal([0, 1, 2, 3], ChunkItemGroups.For(chunk, 5, Ladder).SelectMany(g => g).Order());
    }

    private static Rung Rung(string name, int width, int height) =>
        new(name, width, height, 400, 600, 800, "main", "3.1", "avc1.4d401f", "avc1.4d401f,mp4a.40.2");
}
