using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Tests.Ladder;

namespace MediaPlatform.Streams.Tests.Probing;

public class ProbeValidatorTests
{
    [Fact]
    public void Accepts_a_sound_probe() =>
        Assert.IsType<ProbeVerdict.Accepted>(ProbeValidator.Validate(LadderPolicyTests.Probe()));

    [Fact]
    public void Rejects_zero_duration() =>
        AssertRejected(LadderPolicyTests.Probe(seconds: 0), RejectionReason.ZeroDuration);

    [Fact]
    public void Rejects_a_video_stream_without_frames() =>
        AssertRejected(LadderPolicyTests.Probe(frames: 0), RejectionReason.ZeroDuration);

    [Theory]
    [InlineData(15, 240)]
    [InlineData(320, 8193)]
    [InlineData(1700, 160)]
    public void Rejects_sizes_out_of_range_or_too_stretched(int width, int height) =>
        AssertRejected(LadderPolicyTests.Probe(width, height), RejectionReason.AbsurdDimensions);

    [Theory]
    [InlineData(16, 160)]
    [InlineData(8192, 4320)]
    public void Accepts_the_edges_of_the_size_range(int width, int height) =>
        Assert.IsType<ProbeVerdict.Accepted>(ProbeValidator.Validate(LadderPolicyTests.Probe(width, height)));

    [Fact]
    public void Rejects_a_file_whose_packets_stop_well_before_its_declared_end() =>
        AssertRejected(LadderPolicyTests.Probe(seconds: 60, readable: TimeSpan.FromSeconds(30)), RejectionReason.Truncated);

    [Fact]
    public void Tolerates_a_last_frame_short_of_the_declared_end() =>
        Assert.IsType<ProbeVerdict.Accepted>(ProbeValidator.Validate(
            LadderPolicyTests.Probe(seconds: 60, readable: TimeSpan.FromSeconds(59.5))));

    [Fact]
    public void Rejects_codecs_outside_the_allow_list() =>
        AssertRejected(LadderPolicyTests.Probe(codec: "gif"), RejectionReason.UnsupportedCodec);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(90, 90)]
    [InlineData(-90, 270)]
    [InlineData(-270, 90)]
    [InlineData(180, 180)]
    [InlineData(-180, 180)]
    [InlineData(45, 0)]
    public void Normalizes_rotation_like_ffmpeg(double degrees, int expected) =>
        Assert.Equal(expected, SourceProber.NormalizeRotation(degrees));

    private static void AssertRejected(ProbeResult probe, RejectionReason reason) =>
        Assert.Equal(reason, Assert.IsType<ProbeVerdict.Rejected>(ProbeValidator.Validate(probe)).Reason);
}
