using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Cuts the encoded prefix of a rung (chunks 0..k-1, in order) into HLS segments exactly as the final package will
/// cut the whole rung: the same concat and the same <see cref="HlsSegmenter"/> run over a stream that starts the same,
/// so every segment but the prefix's last is the same bytes the final package holds under the same name (the
/// segmenter cuts at the first keyframe past each multiple of the segment time, which depends only on what came
/// before). The last one may be cut short by the prefix's end, so it is left out unless it is known to be final.
/// </summary>
public sealed class PrefixSegmenter(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="prefix">Encodes of chunks 0..k-1 of one rung.</param>
    /// <param name="complete">The prefix is the whole rung: its last segment is final too.</param>
    /// <returns>The playlist of the segments that will not change (possibly none).</returns>
    public async Task<HlsMediaPlaylist> CutAsync(IReadOnlyList<ChunkEncodeResult> prefix, string name, string workFolder,
        int segmentSeconds, bool complete, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(workFolder, name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var assembled = await new RungAssembler(_runner).AssembleAsync(prefix, Path.Combine(workFolder, $"{name}.mp4"), cancellationToken);
        try
        {
            var playlist = await new HlsSegmenter(_runner).SegmentAsync(assembled, name, folder, segmentSeconds, cancellationToken);
            return complete || LastIsFinal(playlist, segmentSeconds)
                ? playlist
                : playlist with { Segments = playlist.Segments.Take(playlist.Segments.Count - 1).ToList() };
        }
        finally
        {
            File.Delete(assembled);
        }
    }

    /// <summary>
    /// The segmenter ends its n-th segment at the first keyframe at or after n × the segment time. The prefix's last
    /// (n-th) segment holds no keyframe from that point on (it would have been cut there), and the next chunk starts
    /// with a keyframe exactly where the prefix ends; so if the prefix ends at or after n × the segment time, the
    /// whole rung is cut there too and the segment is final. Timestamps a hair short of it count as not final.
    /// </summary>
    public static bool LastIsFinal(HlsMediaPlaylist playlist, int segmentSeconds) =>
        playlist.Segments.Count > 0 &&
        playlist.Duration >= TimeSpan.FromSeconds(playlist.Segments.Count * segmentSeconds) - TimeSpan.FromTicks(20); // EXTINF prints µs
}
