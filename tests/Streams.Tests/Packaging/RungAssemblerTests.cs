using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Packaging;

namespace MediaPlatform.Streams.Tests.Packaging;

public class RungAssemblerTests
{
    [Fact]
    public async Task Refuses_to_assemble_with_a_chunk_missing()
    {
        var results = new[] { 0, 2 }.Select(i =>
            new ChunkEncodeResult(i, "240p", $"/nowhere/chunk_{i}.mp4", 100, TimeSpan.FromSeconds(4), TimeSpan.Zero));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RungAssembler().AssembleAsync(results, "/nowhere/240p.mp4"));

        Assert.Contains("chunk 1 is missing", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../up")]
    [InlineData("a b")]
    public async Task Segmenter_refuses_names_that_are_not_safe_file_stems(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => new HlsSegmenter().SegmentAsync("in.mp4", name, "out"));
}
