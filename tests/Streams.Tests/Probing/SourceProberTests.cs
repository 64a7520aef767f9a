using System.Text.Json;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Probing;

public class SourceProberTests
{
    private readonly SourceProber _prober = new();

    [Fact]
    public async Task Accepts_a_normal_clip_and_describes_it()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 4);

        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        Assert.Equal((320, 240, 320, 240, 0), (probe.Width, probe.Height, probe.DisplayWidth, probe.DisplayHeight, probe.Rotation));
        Assert.Equal(4.0, probe.Duration.TotalSeconds, 2);
        Assert.Equal(25, probe.FrameRate);
        Assert.False(probe.IsVariableFrameRate);
        Assert.Equal(("h264", "yuv420p"), (probe.VideoCodec, probe.PixelFormat));
        Assert.Equal(100, probe.FrameCount);
        Assert.Equal(2, probe.KeyframeCount);
        Assert.Equal(2.0, probe.MaxKeyframeInterval.TotalSeconds, 2);
        Assert.Equal(4.0, probe.ReadableDuration.TotalSeconds, 2);
        Assert.Null(probe.ReadError);
        Assert.True(probe.BitRate > 0);
        Assert.Equal((true, "aac", 1, 48_000), (probe.HasAudio, probe.AudioCodec, probe.AudioChannels, probe.AudioSampleRate));
    }

    [Fact]
    public async Task Accepts_odd_sizes()
    {
        using var clip = await TestClips.OddSizeAsync(321, 241);

        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        Assert.Equal((321, 241, 321, 241), (probe.Width, probe.Height, probe.DisplayWidth, probe.DisplayHeight));
    }

    [Fact]
    public async Task Accepts_video_without_audio()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 2, audio: false);

        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        Assert.Equal((false, null, 0), (probe.HasAudio, probe.AudioCodec, probe.AudioChannels));
    }

    [Fact]
    public async Task Accepts_variable_frame_rate_and_counts_its_frames()
    {
        using var clip = await TestClips.VariableFrameRateAsync();

        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        Assert.True(probe.IsVariableFrameRate);
        Assert.Equal(120, probe.FrameCount);
        Assert.Equal(5.0, probe.Duration.TotalSeconds, 2);
        Assert.Equal(24, probe.FrameRate, 1); // the average, not the 30 fps timebase rate
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(270, 270)]
    [InlineData(180, 180)]
    public async Task Accepts_rotation_and_reports_the_displayed_size(int tag, int rotation)
    {
        using var clip = await TestClips.RotatedAsync(tag, seconds: 1);

        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        Assert.Equal(rotation, probe.Rotation);
        Assert.Equal((320, 240), (probe.Width, probe.Height));
        var expected = rotation == 180 ? (320, 240) : (240, 320);
        Assert.Equal(expected, (probe.DisplayWidth, probe.DisplayHeight));
    }

    [Fact]
    public async Task Rejects_audio_only_file()
    {
        using var clip = await TestClips.AudioOnlyAsync();

        var rejected = Rejected(await _prober.ProbeAsync(clip.Path), RejectionReason.NoVideoStream);

        Assert.Contains("no video stream", rejected.Message);
        Assert.Contains("aac", rejected.Message);
    }

    [Fact]
    public async Task Rejects_empty_and_missing_files()
    {
        using var temp = new TempDirectory("media-test");
        var folder = temp.Path;
        var empty = Path.Combine(folder, "empty.mp4");
        await File.WriteAllBytesAsync(empty, []);

        Rejected(await _prober.ProbeAsync(empty), RejectionReason.Empty);
        Rejected(await _prober.ProbeAsync(Path.Combine(folder, "nothing.mp4")), RejectionReason.Missing);
    }

    [Fact]
    public async Task Rejects_a_camera_file_cut_in_half_because_its_index_is_gone()
    {
        using var clip = await TestClips.IndexAtEndAsync();
        Accepted(await _prober.ProbeAsync(clip.Path));

        var rejected = Rejected(await _prober.ProbeAsync(TestClips.CutInHalf(clip)), RejectionReason.Truncated);

        Assert.Contains("incomplete", rejected.Message);
        AssertReadable(rejected, clip.Folder);
    }

    [Fact]
    public async Task Rejects_a_faststart_file_cut_in_half_although_its_header_claims_full_length()
    {
        using var clip = await GeneratedClip.VideoAsync(seconds: 6);

        var rejected = Rejected(await _prober.ProbeAsync(TestClips.CutInHalf(clip)), RejectionReason.Truncated);

        Assert.Contains("ends early", rejected.Message);
        Assert.Contains("of the 6 s it declares", rejected.Message);
        AssertReadable(rejected, clip.Folder);
    }

    [Fact]
    public async Task Rejects_garbage_bytes_with_a_human_reason()
    {
        using var temp = new TempDirectory("media-test");
        var folder = temp.Path;
        var garbage = Path.Combine(folder, "upload.bin");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(garbage, bytes);

        var rejected = Rejected(await _prober.ProbeAsync(garbage), RejectionReason.Unreadable);

        Assert.Contains("invalid data", rejected.Message);
        AssertReadable(rejected, folder);
    }

    [Theory]
    [InlineData(8, 8)]
    [InlineData(10000, 16)]
    [InlineData(1600, 16)]
    public async Task Rejects_absurd_dimensions(int width, int height)
    {
        using var clip = await TestClips.SizedAsync(width, height);

        var rejected = Rejected(await _prober.ProbeAsync(clip.Path), RejectionReason.AbsurdDimensions);

        Assert.Contains($"{width}x{height}", rejected.Message);
    }

    [Fact]
    public async Task Rejects_a_codec_outside_the_allow_list()
    {
        using var clip = await TestClips.CinepakAsync();

        var rejected = Rejected(await _prober.ProbeAsync(clip.Path), RejectionReason.UnsupportedCodec);

        Assert.Contains("'cinepak'", rejected.Message);
    }

    [Fact]
    public async Task Probe_result_survives_a_json_round_trip()
    {
        using var clip = await TestClips.RotatedAsync(90, seconds: 1);
        var probe = Accepted(await _prober.ProbeAsync(clip.Path));

        var back = JsonSerializer.Deserialize<ProbeResult>(JsonSerializer.Serialize(probe));

        Assert.Equal(probe, back);
    }

    private static ProbeResult Accepted(ProbeVerdict verdict) =>
        Assert.IsType<ProbeVerdict.Accepted>(verdict).Probe;

    private static ProbeVerdict.Rejected Rejected(ProbeVerdict verdict, RejectionReason reason)
    {
        var rejected = Assert.IsType<ProbeVerdict.Rejected>(verdict);
        Assert.Equal(reason, rejected.Reason);
        return rejected;
    }

    // Written for the uploader: no server paths, no exception names, no ffprobe memory addresses.
    private static void AssertReadable(ProbeVerdict.Rejected rejected, string folder)
    {
        Assert.DoesNotContain(folder, rejected.Message);
        Assert.DoesNotContain("Exception", rejected.Message);
        Assert.DoesNotContain("0x", rejected.Message);
        Assert.InRange(rejected.Message.Length, 20, 300);
    }
}
