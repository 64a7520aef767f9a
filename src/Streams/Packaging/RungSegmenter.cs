using System.Globalization;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Cuts rungs straight from their encoded chunks — joined in order by ffmpeg's concat demuxer, stream copy — and the
/// audio track into HLS media playlists, all with <em>one</em> ffmpeg: no assembled MP4 per rung and no process per
/// rung. Segments are fragmented MP4 (CMAF): hls.js and every current player take them, they cost less than MPEG-TS's
/// 188-byte packetization, keep the encoder's exact timestamps and can be served to DASH players later without
/// repackaging. Each output's muxer sees only its own input, so a rung is cut the same whichever rungs share the run.
/// Every file is named after the rung, never after user input.
/// </summary>
public sealed class RungSegmenter(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="rungs">Each rendition's file-name stem ([a-z0-9_-] only) and its parts in play order (an encoded
    /// rung: its chunks; the audio: its one file).</param>
    /// <param name="segmentSeconds">A multiple of the GOP, so every rung cuts at the same keyframes.</param>
    /// <param name="firstSegments">A rendition's first segment number when its parts continue an earlier cut (its
    /// segments are then named from there; their timelines still start at 0: <see cref="FragmentTimeline"/>).</param>
    /// <returns>Each rendition's playlist, by name, written into <paramref name="outputFolder"/>.</returns>
    public async Task<IReadOnlyDictionary<string, HlsMediaPlaylist>> SegmentAsync(IReadOnlyList<(string Name, IReadOnlyList<string> Parts)> rungs,
        string outputFolder, int segmentSeconds = 4, CancellationToken cancellationToken = default,
        IReadOnlyDictionary<string, int>? firstSegments = null)
    {
        if (segmentSeconds <= 0 || segmentSeconds % Gop.Seconds != 0)
            throw new ArgumentOutOfRangeException(nameof(segmentSeconds), segmentSeconds,
                $"segment length must be a positive multiple of the {Gop.Seconds} s GOP");
        foreach (var (name, parts) in rungs)
        {
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
                throw new ArgumentException($"'{name}' is not a safe file-name stem", nameof(rungs));
            if (parts.Count == 0) throw new ArgumentException($"rendition {name} has nothing to segment", nameof(rungs));
        }
        if (rungs.Count == 0) return new Dictionary<string, HlsMediaPlaylist>();
        Directory.CreateDirectory(outputFolder);
        var lists = new List<string>();
        try
        {
            var inputs = new List<string>();
            foreach (var (name, parts) in rungs)
            {
                // Always through the concat demuxer, even for one part: a prefix of one chunk is then cut exactly as
                // the whole rung is later, and its segments are the same bytes.
                var list = Path.Combine(Path.GetFullPath(outputFolder), $".{name}.concat.txt");
                await File.WriteAllLinesAsync(list, parts.Select(p => $"file '{Escape(Path.GetFullPath(p))}'"), cancellationToken);
                lists.Add(list);
                inputs.Add(list);
            }
            // Run inside the output folder with bare names, so the playlists' URIs and init segments are relative.
            await _runner.RunFfmpegAsync(BuildArguments(rungs.Select((r, i) => (r.Name, inputs[i])).ToList(), segmentSeconds, firstSegments),
                outputFolder, null, cancellationToken);
        }
        finally
        {
            foreach (var list in lists) File.Delete(list);
        }
        return rungs.ToDictionary(r => r.Name, r => HlsMediaPlaylist.Read(outputFolder, r.Name + ".m3u8"), StringComparer.Ordinal);
    }

    /// <param name="outputs">Each output's stem and its input, a concat list.</param>
    public static IReadOnlyList<string> BuildArguments(IReadOnlyList<(string Name, string ConcatList)> outputs, int segmentSeconds,
        IReadOnlyDictionary<string, int>? firstSegments = null)
    {
        var args = new List<string>();
        foreach (var (_, list) in outputs) args.AddRange(["-f", "concat", "-safe", "0", "-i", list]);
        for (var i = 0; i < outputs.Count; i++)
        {
            var name = outputs[i].Name;
            args.AddRange([
                "-map", i.ToString(CultureInfo.InvariantCulture), "-c", "copy",
                "-f", "hls", "-hls_time", segmentSeconds.ToString(CultureInfo.InvariantCulture),
                "-start_number", (firstSegments?.GetValueOrDefault(name) ?? 0).ToString(CultureInfo.InvariantCulture), // names, not timestamps
                "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-hls_fmp4_init_filename", $"{name}_init.mp4", "-hls_segment_filename", $"{name}_%05d.m4s",
                $"{name}.m3u8",
            ]);
        }
        return args;
    }

    // Concat list syntax: a quote inside a quoted path is written '\''.
    private static string Escape(string path) => path.Replace("'", @"'\''", StringComparison.Ordinal);
}
