using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Packaging;

public class RungSegmenterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("../up")]
    [InlineData("a b")]
    public async Task Segmenter_refuses_names_that_are_not_safe_file_stems(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() => new RungSegmenter().SegmentAsync([(name, ["in.mp4"])], "out"));

    [Fact]
    public async Task Segmenter_refuses_a_rendition_with_nothing_to_segment() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new RungSegmenter().SegmentAsync([("240p", [])], "out"));

    [Fact]
    public async Task One_run_cuts_each_rendition_from_its_parts_in_order_with_every_frame_and_a_prefix_cut_the_same_bytes()
    {
        // Two renditions of three 2 s parts each (B-frames, as the pipeline encodes), cut in one ffmpeg; then the
        // first part of one alone, as the early playlists cut a prefix.
        using var clip = await GeneratedClip.VideoAsync(seconds: 2, width: 160, height: 120, audio: false);
        var parts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var part = Path.Combine(clip.Folder, $"part{i}.mp4");
            await MediaPlatform.Streams.Encoding.FfmpegRunner.Shared.RunFfmpegAsync(
                ["-i", clip.Path, "-c:v", "libx264", "-preset", "veryfast", "-force_key_frames", "expr:gte(t,n_forced*2)", "-f", "mp4", part]);
            parts.Add(part);
        }
        var whole = Path.Combine(clip.Folder, "whole");
        var processes = 0;
        var runner = new MediaPlatform.Streams.Encoding.FfmpegRunner(onProcessStarted: (_, _, _) => Interlocked.Increment(ref processes));
        var cut = await new RungSegmenter(runner).SegmentAsync([("a", parts), ("b", parts.Take(2).ToList())], whole, segmentSeconds: 2);

        Assert.Equal(1, processes);
        Assert.Equal([3, 2], new[] { cut["a"].Segments.Count, cut["b"].Segments.Count });
        var files = cut["a"].Segments.Select(s => Path.Combine(whole, s.File)).Prepend(Path.Combine(whole, cut["a"].InitFile!)).ToList();
        var joined = Path.Combine(clip.Folder, "joined.mp4");
        await File.WriteAllBytesAsync(joined, files.SelectMany(File.ReadAllBytes).ToArray());
        Assert.Equal(150, await MediaInspection.FrameCountAsync(joined));
        Assert.Equal(150, Mp4VideoSamples.Read(files).Frames);
        Assert.Empty(Directory.GetFiles(whole, "*.txt", SearchOption.AllDirectories)); // no concat list left behind

        var prefix = Path.Combine(clip.Folder, "prefix");
        var first = await new RungSegmenter().SegmentAsync([("a", parts.Take(1).ToList())], prefix, segmentSeconds: 2);
        var segment = Assert.Single(first["a"].Segments);
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, cut["a"].Segments[0].File)), File.ReadAllBytes(Path.Combine(prefix, segment.File)));
    }

    [Fact]
    public async Task A_cut_of_the_later_parts_moved_onto_the_rungs_timeline_gives_the_whole_cuts_bytes()
    {
        // The early playlists cut only the chunks encoded since their last cut: its segments, numbered on and moved by
        // the prefix's ticks and fragments, must be the very bytes the whole rung's cut (the package) holds.
        using var clip = await GeneratedClip.VideoAsync(seconds: 2, width: 160, height: 120, audio: false);
        var parts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var part = Path.Combine(clip.Folder, $"part{i}.mp4");
            await MediaPlatform.Streams.Encoding.FfmpegRunner.Shared.RunFfmpegAsync(
                ["-i", clip.Path, "-c:v", "libx264", "-preset", "veryfast", "-force_key_frames", "expr:gte(t,n_forced*2)", "-f", "mp4", part]);
            parts.Add(part);
        }
        var whole = Path.Combine(clip.Folder, "whole");
        var all = (await new RungSegmenter().SegmentAsync([("a", parts)], whole, segmentSeconds: 2))["a"];
        var prefix = Path.Combine(clip.Folder, "prefix");
        var head = (await new RungSegmenter().SegmentAsync([("a", parts.Take(2).ToList())], prefix, segmentSeconds: 2))["a"];
        var later = Path.Combine(clip.Folder, "later");
        var tail = (await new RungSegmenter().SegmentAsync([("a", parts.Skip(2).ToList())], later, segmentSeconds: 2,
            firstSegments: new Dictionary<string, int> { ["a"] = 2 }))["a"];

        Assert.Equal(all.Segments.Skip(2).Select(s => s.File), tail.Segments.Select(s => s.File));
        var end = FragmentTimeline.Read(Path.Combine(prefix, head.Segments[^1].File));
        Assert.Equal(FragmentTimeline.Read(Path.Combine(whole, all.Segments[2].File)).FirstDecodeTime, end.EndDecodeTime);
        var raw = FragmentTimeline.Read(Path.Combine(later, tail.Segments[0].File));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(whole, all.Segments[2].File)), File.ReadAllBytes(Path.Combine(later, tail.Segments[0].File)));

        foreach (var segment in tail.Segments)
            FragmentTimeline.Shift(Path.Combine(later, segment.File), (long)end.EndDecodeTime - (long)raw.FirstDecodeTime,
                (int)(end.LastSequence + 1 - raw.FirstSequence));

        foreach (var segment in tail.Segments)
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole, segment.File)), File.ReadAllBytes(Path.Combine(later, segment.File)));
    }
}
