using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Tests.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Encoding;

/// <summary>One ffmpeg for every rung of a chunk: one decode, split into outputs encoded as the one-rung encoder does.</summary>
public class ChunkLadderEncoderTests
{
    private static readonly EncoderSettings Fast = new("superfast", 1);

    [Fact]
    public async Task Every_rung_of_a_chunk_must_come_out_of_one_ffmpeg_as_the_one_rung_encoder_makes_it()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 4, width: 640, height: 360, audio: false);
        var chunk = await ChunkEncoderTests.WholeClipChunkAsync(clip);
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var (ffmpegs, processes) = (0, 0);
        var runner = new FfmpegRunner(onProcessStarted: (_, _, arguments) =>
        {
            Interlocked.Increment(ref processes);
            if (arguments.Contains("libx264")) Interlocked.Increment(ref ffmpegs);
        });
        var outputs = rungs.Select(r => Path.Combine(clip.Folder, "ladder", $"{r.Name}.mp4")).ToList();

        var results = (await new ChunkEncoder(Fast, runner).EncodeLadderAsync(new ChunkLadderEncode(chunk, rungs, 0, outputs))).Encodes;

        Assert.True(rungs.Count >= 2, $"{rungs.Count} rungs");
        Assert.Equal(1, ffmpegs);
        Assert.Equal(1, processes); // the frames are checked from the outputs' boxes: no ffprobe per rung
        Assert.Equal(rungs.Select(r => r.Name), results.Select(r => r.RungName));
        for (var i = 0; i < rungs.Count; i++)
        {
            var single = await new ChunkEncoder(Fast).EncodeAsync(new ChunkEncodeRequest(chunk, rungs[i], 0, Path.Combine(clip.Folder, "single", $"{rungs[i].Name}.mp4")));
            var (ladder, alone) = (await MediaInspection.VideoAsync(outputs[i]), await MediaInspection.VideoAsync(single.OutputPath));
            Assert.Equal((alone.Width, alone.Height, alone.Profile, alone.Level, alone.PixelFormat), (ladder.Width, ladder.Height, ladder.Profile, ladder.Level, ladder.PixelFormat));
            Assert.Equal((chunk.FrameCount, single.FrameCount), (results[i].FrameCount, await MediaInspection.FrameCountAsync(outputs[i])));
            Assert.Equal(await MediaInspection.KeyframeTimesAsync(single.OutputPath), await MediaInspection.KeyframeTimesAsync(outputs[i]));
            Assert.True(await MediaInspection.PsnrAsync(outputs[i], clip.Path, rungs[i].Width, rungs[i].Height) > 30, $"{rungs[i].Name} looks like the source");
        }
    }

    [Fact]
    public async Task The_source_rotation_must_be_applied_once_before_the_split()
    {
        using var clip = await TestClips.RotatedAsync(90, seconds: 2);
        var chunk = await ChunkEncoderTests.WholeClipChunkAsync(clip);
        var rung = LadderPolicy.Default.For(240, 320, 25, false)[0];
        var output = Path.Combine(clip.Folder, "ladder", "rotated.mp4");

        await new ChunkEncoder(Fast).EncodeLadderAsync(new ChunkLadderEncode(chunk, [rung], 90, [output]));

        var video = await MediaInspection.VideoAsync(output);
        Assert.Equal((240, 320), (video.Width, video.Height));
        Assert.True(await MediaInspection.PsnrAsync(output, clip.Path, 240, 320) > 30);
    }

    [Fact]
    public async Task A_failed_ladder_encode_must_leave_no_output_of_any_rung()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 1, audio: false);
        var garbage = Path.Combine(clip.Folder, "chunk_00000.mkv");
        await File.WriteAllBytesAsync(garbage, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray());
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var outputs = rungs.Select(r => Path.Combine(clip.Folder, r.Name, "chunk_00000.mp4")).ToList();
        var encode = new ChunkLadderEncode(new VideoChunk(0, garbage, TimeSpan.Zero, TimeSpan.FromSeconds(1), 25), rungs, 0, outputs);

        await Assert.ThrowsAsync<FfmpegException>(() => new ChunkEncoder(Fast).EncodeLadderAsync(encode));

        Assert.All(outputs, o => Assert.False(File.Exists(o)));
    }

    [Fact]
    public void A_ladder_encode_with_a_rung_twice_or_an_output_missing_must_be_refused()
    {
        var rungs = LadderPolicy.Default.For(640, 360, 25, false);
        var chunk = new VideoChunk(0, "/w/c.mkv", TimeSpan.Zero, TimeSpan.FromSeconds(2), 50);
        Assert.Throws<ArgumentException>(Validate(new ChunkLadderEncode(chunk, [rungs[0], rungs[0]], 0, ["/a", "/b"])));
        Assert.Throws<ArgumentException>(Validate(new ChunkLadderEncode(chunk, rungs, 0, ["/a"])));
        Assert.Throws<ArgumentException>(Validate(new ChunkLadderEncode(chunk, [], 0, [])));
    }

    private static Action Validate(ChunkLadderEncode encode) => () => encode.Validate();
}
