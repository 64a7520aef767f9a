using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Tests.Encoding;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Chunking;

public class AudioEncoderTests
{
    [Fact]
    public async Task Encodes_stereo_48k_aac_as_long_as_the_video()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 5);
        var probe = Assert.IsType<ProbeVerdict.Accepted>(await new SourceProber().ProbeAsync(clip.Path)).Probe;
        var output = Path.Combine(clip.Folder, "audio.m4a");

        var track = await new AudioEncoder().EncodeAsync(clip.Path, probe, output);

        var audio = (await FFMpegCore.FFProbe.AnalyseAsync(output)).PrimaryAudioStream!;
        Assert.Equal(("aac", 2, 48_000), (audio.CodecName, audio.Channels, audio.SampleRateHz));
        Assert.Equal(5.0, track.Duration.TotalSeconds, 3);
        // AAC frames are 1024 samples (21 ms): that is as close as the track can end.
        Assert.Equal(5.0, await MediaInspection.FormatDurationAsync(output), 0.03);
    }

    [Theory]
    [InlineData(0, "asetpts=PTS-STARTPTS,aresample=48000,apad")]
    [InlineData(250, "asetpts=PTS-STARTPTS,adelay=delays=250:all=1,aresample=48000,apad")]
    [InlineData(-120, "asetpts=PTS-STARTPTS,atrim=start=0.12,asetpts=PTS-STARTPTS,aresample=48000,apad")]
    public void Lines_audio_up_with_the_video_start(int audioAfterVideoMs, string filter) =>
        Assert.Equal(filter, AudioEncoder.AudioFilter(TimeSpan.FromMilliseconds(audioAfterVideoMs)));
}
