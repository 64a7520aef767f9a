using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Chunking;

/// <summary>
/// Encodes the source's first audio stream in one pass (per-chunk AAC drifts and leaves gaps at chunk joins). The
/// result is lined up with the video: shifted by the difference of the two streams' start times, and padded with
/// silence or cut to the video's length, so audio and video renditions end together.
/// </summary>
public sealed class AudioEncoder(FfmpegRunner? runner = null)
{
    public const int BitrateKbps = 128;
    public const int Channels = 2;
    public const int SampleRate = 48_000;
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<AudioTrack> EncodeAsync(string sourcePath, ProbeResult probe, string outputPath,
        CancellationToken cancellationToken = default)
    {
        if (!probe.HasAudio) throw new InvalidOperationException("the source has no audio stream to encode");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        var length = VideoLength(probe);
        await _runner.RunFfmpegAsync(BuildArguments(sourcePath, probe, outputPath), null, null, cancellationToken);
        return new AudioTrack(outputPath, length, Channels, SampleRate, BitrateKbps);
    }

    public static IReadOnlyList<string> BuildArguments(string sourcePath, ProbeResult probe, string outputPath) =>
    [
        "-i", sourcePath,
        "-map", "0:a:0", "-vn", "-sn", "-dn",
        "-af", AudioFilter(probe.AudioStart - probe.VideoStart),
        "-c:a", "aac", "-b:a", $"{BitrateKbps}k", "-ac", $"{Channels}", "-ar", $"{SampleRate}",
        "-t", Seconds(VideoLength(probe)),
        "-f", "mp4", outputPath,
    ];

    /// <summary>Audio starting later than video is delayed by the gap; audio starting earlier loses its head.</summary>
    public static string AudioFilter(TimeSpan audioAfterVideo)
    {
        var shift = audioAfterVideo.TotalMilliseconds switch
        {
            > 1 => $",adelay=delays={Math.Round(audioAfterVideo.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}:all=1",
            < -1 => $",atrim=start={Seconds(-audioAfterVideo)},asetpts=PTS-STARTPTS",
            _ => "",
        };
        return $"asetpts=PTS-STARTPTS{shift},aresample={SampleRate},apad";
    }

    // The video's real extent (its packets), which is what the chunks add up to.
    private static TimeSpan VideoLength(ProbeResult probe) =>
        probe.ReadableDuration > TimeSpan.Zero ? probe.ReadableDuration : probe.Duration;

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}
