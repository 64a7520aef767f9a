using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Tests.Encoding;
using MediaPlatform.Streams.Tests.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Chunking;

public class SourceSplitterTests
{
    private readonly SourceSplitter _splitter = new();

    [Fact]
    public async Task Splits_at_keyframes_into_chunks_that_add_up_to_the_source()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 10);

        var chunks = await _splitter.SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), chunkSeconds: 4);

        Assert.Equal([0.0, 4.0, 8.0], chunks.Select(c => c.Start.TotalSeconds));
        Assert.Equal([100, 100, 50], chunks.Select(c => c.FrameCount));
        await AssertAddsUpToSourceAsync(clip.Path, chunks);
    }

    [Fact]
    public async Task Cuts_at_the_next_keyframe_when_the_source_gop_does_not_divide_the_chunk_length()
    {
        // Keyframes at 0, 3, 6, 9 s: with 4 s chunks the cuts fall at 6 (first keyframe after 4) and 9 (after 8).
        using var clip = await TestClips.IrregularGopAsync(gopSeconds: 3, seconds: 10);

        var chunks = await _splitter.SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), chunkSeconds: 4);

        Assert.Equal([0.0, 6.0, 9.0], chunks.Select(c => c.Start.TotalSeconds));
        await AssertAddsUpToSourceAsync(clip.Path, chunks);
    }

    [Fact]
    public async Task Variable_frame_rate_chunks_keep_every_frame()
    {
        using var clip = await TestClips.VariableFrameRateAsync();

        var chunks = await _splitter.SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), chunkSeconds: 2);

        Assert.True(chunks.Count >= 2);
        await AssertAddsUpToSourceAsync(clip.Path, chunks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-2)]
    public async Task Refuses_chunk_lengths_off_the_gop_grid(int seconds) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _splitter.SplitAsync("unused.mp4", "unused", seconds));

    private static async Task AssertAddsUpToSourceAsync(string source, IReadOnlyList<VideoChunk> chunks)
    {
        var probe = Assert.IsType<ProbeVerdict.Accepted>(await new SourceProber().ProbeAsync(source)).Probe;
        var frame = 1.0 / probe.FrameRate;
        foreach (var chunk in chunks)
        {
            Assert.True(await MediaInspection.FirstFrameIsKeyframeAsync(chunk.Path), $"chunk {chunk.Index} starts off a keyframe");
            Assert.Equal(chunk.FrameCount, await MediaInspection.FrameCountAsync(chunk.Path));
        }
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Index));
        Assert.Equal(probe.FrameCount, chunks.Sum(c => c.FrameCount));
        Assert.Equal(probe.Duration.TotalSeconds, chunks.Sum(c => c.Duration.TotalSeconds), frame);
        // Each chunk begins where the previous one ended.
        for (var i = 1; i < chunks.Count; i++)
            Assert.Equal((chunks[i - 1].Start + chunks[i - 1].Duration).TotalSeconds, chunks[i].Start.TotalSeconds, frame);
    }
}
