namespace MediaPlatform.Streams.Live;

/// <summary>
/// The live ladder and its HLS shape: two small rungs (a live transcode must keep up in real time on a shared node),
/// 2 s segments with a keyframe at each, a sliding window of six segments and no playlist type (a live playlist).
/// </summary>
public static class LiveLadder
{
    public const int SegmentSeconds = 2;
    public const int WindowSegments = 6;
    public const string MasterPlaylist = "master.m3u8";
    public const string MediaPlaylist = "index.m3u8";

    public static readonly IReadOnlyList<LiveRung> Rungs = [new("360p", 360, 800), new("240p", 240, 400)];

    /// <summary>
    /// ffmpeg's arguments: MPEG-TS from stdin, one decode split into the rungs, x264 veryfast/zerolatency with a forced
    /// keyframe every segment, AAC audio per rung, HLS into <paramref name="outputDirectory"/> (one folder per rung,
    /// segments and playlists renamed into place when whole). Numbering starts at <paramref name="startNumber"/>, so a
    /// resumed stream continues the published media sequence; a resumed session starts with a discontinuity. The end
    /// of the input writes no ENDLIST: an interrupted stream is still live for its players.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string outputDirectory, long startNumber, bool resumed)
    {
        var split = string.Join(";", Rungs.Select((r, i) => $"[s{i}]scale=-2:{r.Height}[v{i}]"));
        var filter = $"[0:v:0]split={Rungs.Count}{string.Concat(Rungs.Select((_, i) => $"[s{i}]"))};{split}";
        var args = new List<string>
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-nostats",
            "-f", "mpegts", "-i", "pipe:0",
            "-filter_complex", filter,
        };
        for (var i = 0; i < Rungs.Count; i++) args.AddRange(["-map", $"[v{i}]", "-map", "0:a:0"]);
        args.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p",
            "-force_key_frames", $"expr:gte(t,n_forced*{SegmentSeconds})", "-sc_threshold", "0"]);
        for (var i = 0; i < Rungs.Count; i++)
            args.AddRange([$"-b:v:{i}", $"{Rungs[i].VideoKbps}k", $"-maxrate:v:{i}", $"{Rungs[i].VideoKbps * 11 / 10}k", $"-bufsize:v:{i}", $"{Rungs[i].VideoKbps * 2}k"]);
        var flags = "delete_segments+independent_segments+omit_endlist+temp_file" + (resumed ? "+discont_start" : "");
        args.AddRange(["-c:a", "aac", "-b:a", "96k", "-ac", "2",
            "-f", "hls", "-hls_time", SegmentSeconds.ToString(), "-hls_list_size", WindowSegments.ToString(), "-hls_flags", flags,
            "-hls_segment_type", "mpegts", "-start_number", startNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-master_pl_name", MasterPlaylist,
            "-var_stream_map", string.Join(" ", Rungs.Select((r, i) => $"v:{i},a:{i},name:{r.Name}")),
            "-hls_segment_filename", Path.Combine(outputDirectory, "%v", "seg_%d.ts"),
            Path.Combine(outputDirectory, "%v", MediaPlaylist)]);
        return args;
    }
}
