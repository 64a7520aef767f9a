using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Subtitles;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Subtitles;

/// <summary>The first picture's time read from fMP4 boxes and MPEG-TS headers, against what ffprobe says about the same HLS segments.</summary>
public class VideoStartTimingTests
{
    [Fact]
    public async Task The_first_picture_s_time_must_match_ffprobe_for_an_HLS_rendition_with_B_frames()
    {
        // veryfast (as the pipeline encodes) uses B-frames: the first picture comes after the fragment's decode start.
        using var clip = await GeneratedClip.RawAsync("bframes.mp4", ClipArguments.TestPicture(4.2, 160, 120, preset: "veryfast", audio: false));
        var package = Path.Combine(clip.Folder, "hls");
        var playlist = (await new RungSegmenter().SegmentAsync([("v", [clip.Path])], package, segmentSeconds: 2))["v"];
        var init = await File.ReadAllBytesAsync(Path.Combine(package, playlist.InitFile!));
        var first = await File.ReadAllBytesAsync(Path.Combine(package, playlist.Segments[0].File));
        var joined = Path.Combine(clip.Folder, "first.mp4");
        await File.WriteAllBytesAsync(joined, [.. init, .. first]);

        var timing = Fmp4Timing.Read(init, first);

        Assert.NotNull(timing);
        var expected = await MediaInspection.FirstVideoPresentationTimeAsync(joined);
        Assert.True(expected > 0, "the encode has B-frames, so its first picture is not at decode time zero");
        Assert.Equal((long)Math.Round(expected * 90_000), timing.MpegTs);
        Assert.Equal(0, timing.FirstDecodeTime);
        Assert.Equal(expected, timing.PresentationDelay.TotalSeconds, 3);
        // Only the start of a large segment is read by the node: the moof at its head is enough.
        Assert.Equal(timing, Fmp4Timing.Read(init, first.AsMemory(0, Math.Min(first.Length, 4096))));
    }

    [Fact]
    public async Task The_first_picture_s_time_must_match_ffprobe_for_an_MPEG_TS_segment()
    {
        using var clip = await GeneratedClip.RawAsync("bframes.mp4", ClipArguments.TestPicture(2.2, 160, 120, preset: "veryfast", audio: false));
        var segment = Path.Combine(clip.Folder, "v00000.ts");
        await MediaPlatform.Streams.Encoding.FfmpegRunner.Shared.RunFfmpegAsync(["-i", clip.Path, "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_segment_type", "mpegts",
            "-hls_segment_filename", Path.Combine(clip.Folder, "v%05d.ts"), Path.Combine(clip.Folder, "v.m3u8")], null, null);

        var timing = TsTiming.Read(await File.ReadAllBytesAsync(segment));

        Assert.NotNull(timing);
        var expected = await MediaInspection.FirstVideoPresentationTimeAsync(segment);
        Assert.True(expected > 1, "ffmpeg's MPEG-TS clock starts at 1.4 s");
        Assert.Equal((long)Math.Round(expected * 90_000), timing.MpegTs);
        Assert.Equal(expected - await MediaInspection.FirstVideoDecodeTimeAsync(segment), timing.PresentationDelay.TotalSeconds, 3);
        Assert.Null(TsTiming.Read(new byte[188 * 4]));
    }

    [Fact]
    public void Bytes_that_are_not_fragmented_MP4_must_give_no_timing()
    {
        Assert.Null(Fmp4Timing.Read(new byte[32], new byte[256]));
        Assert.Null(Fmp4Timing.Read(ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty));
    }
}
