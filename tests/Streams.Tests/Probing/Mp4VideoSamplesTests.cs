using MediaPlatform.Streams.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Probing;

/// <summary>Frame counts read from MP4 boxes against what ffprobe demuxes from the same files.</summary>
public class Mp4VideoSamplesTests
{
    [Fact]
    public async Task The_frames_of_a_progressive_MP4_must_be_what_ffprobe_counts_and_the_duration_its_length()
    {
        using var clip = await GeneratedClip.RawAsync("clip.mp4", ClipArguments.TestPicture(3.2, 160, 120, preset: "veryfast", faststart: false));

        var (frames, duration) = Mp4VideoSamples.Read(clip.Path);

        Assert.Equal(await MediaInspection.FrameCountAsync(clip.Path), frames);
        Assert.Equal(80, frames);
        Assert.Equal(3.2, duration.TotalSeconds, 2);
    }

    [Fact]
    public async Task A_truncated_MP4_must_be_refused()
    {
        using var clip = await GeneratedClip.RawAsync("clip.mp4", ClipArguments.TestPicture(2, 160, 120, audio: false, faststart: false));
        var bytes = await File.ReadAllBytesAsync(clip.Path);
        var cut = Path.Combine(clip.Folder, "cut.mp4");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length - 300)]); // the moov, at the end, loses its tail

        Assert.Throws<InvalidDataException>(() => Mp4VideoSamples.Read(cut));
    }
}
