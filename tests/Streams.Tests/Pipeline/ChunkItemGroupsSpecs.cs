using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Tests.Pipeline;

/// <summary>
/// How a title's chunks become work items: every extra item decodes its chunk again in another ffmpeg, so only the
/// first chunk (one item per rung, lowest first, for a quick first segment) and the last (one item per rung, largest
/// first, for an even end) split, in the order the queue should take them.
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
    public void The_first_chunk_must_be_one_item_per_rung_so_its_lowest_rung_is_done_first()
    {
        Assert.Equal([[0], [1], [2], [3]], ChunkItemGroups.For(0, 15, Ladder));
        Assert.Equal([[1], [0]], ChunkItemGroups.For(0, 15, [Ladder[3], Ladder[0]])); // by size, not by ladder place
    }

    [Fact]
    public void The_last_chunk_must_be_one_item_per_rung_largest_first_so_the_batch_ends_in_its_smallest_items()
    {
        Assert.Equal([[3], [2], [1], [0]], ChunkItemGroups.For(14, 15, Ladder));
        Assert.Equal([[1], [0]], ChunkItemGroups.For(1, 2, [Ladder[0], Ladder[1]]));
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
