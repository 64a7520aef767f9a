using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Bench.Media;

/// <summary>
/// The baseline: ONE ffmpeg command that decodes the source once, scales it to every rung of the node's ladder and
/// encodes each with the node's per-rung x264 settings (preset, profile, level, bitrate, maxrate, bufsize, keyframes
/// forced every 2 s, no scene-cut keyframes), the audio once as AAC, and writes HLS (fMP4, the same segment length)
/// with a master playlist and an audio group. ffmpeg picks its own thread counts (all cores).
/// </summary>
public static class LadderBaseline
{
    public static IReadOnlyList<Rung> Ladder => LadderPolicy.Default.For(1280, 720, 25, hasAudio: true);

    public static IReadOnlyList<string> Arguments(string source, string outputFolder, string preset, int segmentSeconds)
    {
        var rungs = Ladder;
        var split = $"[0:v]split={rungs.Count}" + string.Concat(rungs.Select((_, i) => $"[s{i}]")) + ";" +
                    string.Join(';', rungs.Select((r, i) => $"[s{i}]{ChunkEncoder.VideoFilter(0, r.Width, r.Height)}[v{i}]"));
        var args = new List<string> { "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-i", source, "-filter_complex", split };
        for (var i = 0; i < rungs.Count; i++)
        {
            var r = rungs[i];
            args.AddRange(["-map", $"[v{i}]", $"-c:v:{i}", "libx264", $"-preset:v:{i}", preset, $"-profile:v:{i}", r.Profile, $"-level:v:{i}", r.Level,
                $"-b:v:{i}", Kbps(r.VideoKbps), $"-maxrate:v:{i}", Kbps(r.MaxRateKbps), $"-bufsize:v:{i}", Kbps(r.BufferKbps)]);
        }
        args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-ar", "48000",
            "-force_key_frames", Gop.ForceKeyFramesExpression, "-sc_threshold", "0",
            "-f", "hls", "-hls_time", segmentSeconds.ToString(CultureInfo.InvariantCulture), "-hls_playlist_type", "vod",
            "-hls_segment_type", "fmp4", "-master_pl_name", "master.m3u8",
            "-var_stream_map", string.Join(' ', rungs.Select((r, i) => $"v:{i},agroup:aud,name:{r.Name}")) + " a:0,agroup:aud,name:audio",
            "-hls_segment_filename", Path.Combine(outputFolder, "%v_%05d.m4s"), Path.Combine(outputFolder, "%v.m3u8")]);
        return args;
    }

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";
}
