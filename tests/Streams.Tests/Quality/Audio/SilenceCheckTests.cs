using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Quality.Audio;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Quality.Audio;

public class SilenceCheckTests
{
    [Fact]
    public async Task Silence_in_an_audio_track_is_found_at_its_times_without_decoding_any_video()
    {
        using var clip = await GeneratedClip.RawAsync("silence.mp4", [
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=6",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=6,volume=enable='between(t,1,4.5)':volume=0",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest"]);

        var findings = await SilenceCheck.RunAsync(clip.Path, TimeSpan.FromSeconds(6), QcThresholds.Default);

        var silence = Assert.Single(findings);
        Assert.Equal((QcChecks.Silence, QcSeverity.Warning), (silence.Check, silence.Severity));
        Assert.InRange(silence.Start!.Value.TotalSeconds, 0.95, 1.05);
        Assert.InRange(silence.End!.Value.TotalSeconds, 4.45, 4.55);
        Assert.Contains("-vn", SilenceCheck.Arguments(clip.Path, QcThresholds.Default));
    }
}
