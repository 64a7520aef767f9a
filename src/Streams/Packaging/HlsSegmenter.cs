using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Cuts one assembled stream (a rung's video or the audio) into a VOD media playlist with stream copy.
/// Segments are fragmented MP4 (CMAF): hls.js and every current player take them, they cost less than MPEG-TS's
/// 188-byte packetization, keep the encoder's exact timestamps (no 1.4 s TS offset between renditions) and can be
/// served to DASH players later without repackaging. Every file is named after the rung, never after user input.
/// </summary>
public sealed class HlsSegmenter(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="name">File-name stem: [a-z0-9_-] only (rung names are checked by the ladder policy).</param>
    /// <param name="segmentSeconds">A multiple of the GOP, so every rung cuts at the same keyframes.</param>
    public async Task<HlsMediaPlaylist> SegmentAsync(string inputPath, string name, string outputFolder,
        int segmentSeconds = 4, CancellationToken cancellationToken = default)
    {
        if (segmentSeconds <= 0 || segmentSeconds % Gop.Seconds != 0)
            throw new ArgumentOutOfRangeException(nameof(segmentSeconds), segmentSeconds,
                $"segment length must be a positive multiple of the {Gop.Seconds} s GOP");
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"'{name}' is not a safe file-name stem", nameof(name));
        Directory.CreateDirectory(outputFolder);
        // Run inside the output folder with bare names, so the playlist's URIs and the init segment are relative.
        await _runner.RunFfmpegAsync(BuildArguments(Path.GetFullPath(inputPath), name, segmentSeconds), outputFolder,
            null, cancellationToken);
        return HlsMediaPlaylist.Read(outputFolder, name + ".m3u8");
    }

    public static IReadOnlyList<string> BuildArguments(string inputPath, string name, int segmentSeconds) =>
    [
        "-i", inputPath, "-map", "0", "-c", "copy",
        "-f", "hls", "-hls_time", segmentSeconds.ToString(CultureInfo.InvariantCulture),
        "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
        "-hls_fmp4_init_filename", $"{name}_init.mp4", "-hls_segment_filename", $"{name}_%05d.m4s",
        $"{name}.m3u8",
    ];
}
