using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Chunking;

/// <summary>
/// The splitter counts each chunk's frames from its Matroska blocks (<see cref="MatroskaVideoBlocks"/>) instead of an
/// ffprobe per chunk: for every kind of source a user may upload, the count, the keyframes and the span must be what
/// ffprobe demuxes from the same chunk.
/// </summary>
public class ChunkFrameCountTests
{
    public static TheoryData<string, string> Sources => new()
    {
        { "h264.mp4", "-c:v libx264 -preset veryfast -g 50" },
        { "hevc.mp4", "-c:v libx265 -preset ultrafast -x265-params keyint=50:log-level=none" },
        { "vp9.webm", "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -g 50 -c:a libopus" },
        { "ten-bit.mkv", "-c:v libx264 -preset ultrafast -pix_fmt yuv420p10le -g 50" },
        { "interlaced.ts", "-c:v mpeg2video -flags +ildct+ilme -top 1 -g 12 -c:a mp2" },
        { "mjpeg.avi", "-c:v mjpeg -q:v 5" },
        { "vfr.mkv", "-vf setpts=N/(25*TB)+if(gt(N\\,60)\\,0.5/TB\\,0) -fps_mode vfr -c:v libx264 -preset ultrafast -g 50" },
        { "one-keyframe.mp4", "-c:v libx264 -preset ultrafast -g 1000 -sc_threshold 0" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Chunk_frames_keyframes_and_span_must_be_what_ffprobe_demuxes(string name, string encode)
    {
        var args = new List<string> { "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=9", "-f", "lavfi", "-i", ClipArguments.Tone(9) };
        args.AddRange(encode.Split(' '));
        using var clip = await GeneratedClip.RawAsync(name, args);

        var processes = 0;
        var runner = new MediaPlatform.Streams.Encoding.FfmpegRunner(onProcessStarted: (_, _, _) => Interlocked.Increment(ref processes));
        var chunks = await new SourceSplitter(runner).SplitAsync(clip.Path, Path.Combine(clip.Folder, "chunks"), chunkSeconds: 4);

        Assert.Equal(1, processes); // the split itself: no ffprobe per chunk
        Assert.Equal((await new PacketScanner().ScanAsync(clip.Path)).FrameCount, chunks.Sum(c => c.FrameCount));
        foreach (var chunk in chunks)
        {
            var probed = await new PacketScanner().ScanAsync(chunk.Path);
            var read = MatroskaVideoBlocks.Read(chunk.Path);
            Assert.Equal((probed.FrameCount, probed.FirstPacketIsKeyframe), (read.FrameCount, read.FirstPacketIsKeyframe));
            Assert.Equal(probed.KeyframeTimes.Select(Ms), read.KeyframeTimes.Select(Ms));
            Assert.Equal((Ms(probed.Start), Ms(probed.End)), (Ms(read.Start), Ms(read.End)));
            Assert.Equal((chunk.FrameCount, chunk.Duration), (read.FrameCount, read.Duration));
        }
    }

    private static long Ms(TimeSpan t) => (long)Math.Round(t.TotalMilliseconds);
}
