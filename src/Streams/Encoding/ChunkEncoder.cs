using System.Diagnostics;
using System.Globalization;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Quality.Chunks;

namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// Encodes one chunk to one rung with libx264. Timestamps pass through untouched (variable frame rate stays
/// variable, no frame is dropped or duplicated) and keyframes are forced on the shared GOP grid. After encoding, the
/// output's frames are counted from its own sample table (<see cref="Mp4VideoSamples"/>, no ffprobe per output): a chunk
/// that lost frames fails here, not as a glitch in playback.
/// </summary>
public sealed class ChunkEncoder
{
    private readonly EncoderSettings _settings;
    private readonly FfmpegRunner _runner;

    public ChunkEncoder(EncoderSettings? settings = null, FfmpegRunner? runner = null)
    {
        _settings = settings ?? new EncoderSettings();
        _settings.Validate();
        _runner = runner ?? FfmpegRunner.Shared;
    }

    public EncoderSettings Settings => _settings;

    /// <param name="onProgress">Fraction 0..1 of the chunk encoded so far.</param>
    public async Task<ChunkEncodeResult> EncodeAsync(ChunkEncodeRequest request, Action<double>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.OutputPath))!);
        var total = request.Chunk.Duration.TotalSeconds;
        Action<TimeSpan>? progress = onProgress is null || total <= 0
            ? null
            : t => onProgress(Math.Clamp(t.TotalSeconds / total, 0, 1));
        try
        {
            await _runner.RunFfmpegAsync(BuildArguments(request, _settings), null, progress, cancellationToken);
        }
        catch
        {
            TryDelete(request.OutputPath); // never leave a half-written chunk that looks finished
            throw;
        }

        var (frames, duration) = Mp4VideoSamples.Read(request.OutputPath);
        if (frames != request.Chunk.FrameCount)
            throw new InvalidDataException(
                $"chunk {request.Chunk.Index} encoded to {request.Rung.Name} has {frames} frames, the source chunk " +
                $"{request.Chunk.FrameCount}; frames were dropped or duplicated");
        onProgress?.Invoke(1);
        return new ChunkEncodeResult(request.Chunk.Index, request.Rung.Name, request.OutputPath, frames, duration, clock.Elapsed);
    }

    /// <summary>
    /// Encodes the chunk to every rung of <paramref name="encode"/> with one ffmpeg (one decode, split into the scaled
    /// outputs, each with the same x264 settings as <see cref="EncodeAsync"/>), then checks every output holds every
    /// frame. With a picture check, the same decode also feeds the chunk's quality control. On failure no output is
    /// left behind.
    /// </summary>
    public async Task<ChunkLadderOutcome> EncodeLadderAsync(ChunkLadderEncode encode, Action<double>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        encode.Validate();
        var clock = Stopwatch.StartNew();
        foreach (var path in encode.OutputPaths) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var total = encode.Chunk.Duration.TotalSeconds;
        Action<TimeSpan>? progress = onProgress is null || total <= 0
            ? null
            : t => onProgress(Math.Clamp(t.TotalSeconds / total, 0, 1));
        var check = encode.PictureCheck is { } thresholds ? new ChunkPictureAnalysis(encode.Chunk, thresholds) : null;
        try
        {
            var arguments = BuildLadderArguments(encode, _settings, check);
            if (check is null) await _runner.RunFfmpegAsync(arguments, null, progress, cancellationToken);
            else await _runner.RunFfmpegReportingAsync(arguments, progress, check.AcceptLine,
                check.SamplesFrames ? check.ReadFramesAsync : null, cancellationToken);
            var results = new List<ChunkEncodeResult>();
            for (var i = 0; i < encode.Rungs.Count; i++)
            {
                var (frames, duration) = Mp4VideoSamples.Read(encode.OutputPaths[i]);
                if (frames != encode.Chunk.FrameCount)
                    throw new InvalidDataException(
                        $"chunk {encode.Chunk.Index} encoded to {encode.Rungs[i].Name} has {frames} frames, the source chunk " +
                        $"{encode.Chunk.FrameCount}; frames were dropped or duplicated");
                results.Add(new ChunkEncodeResult(encode.Chunk.Index, encode.Rungs[i].Name, encode.OutputPaths[i], frames, duration, clock.Elapsed));
            }
            onProgress?.Invoke(1);
            return new ChunkLadderOutcome(results, check?.Finish());
        }
        catch
        {
            foreach (var path in encode.OutputPaths) TryDelete(path);
            throw;
        }
    }

    /// <summary>
    /// One ffmpeg for every rung of a chunk: decode (and rotate) once, <c>split</c> into one scaled branch per rung, and
    /// per output exactly the per-rung arguments of <see cref="BuildArguments"/>; with <paramref name="check"/>, one
    /// more branch of the split for the chunk's picture quality control.
    /// </summary>
    public static IReadOnlyList<string> BuildLadderArguments(ChunkLadderEncode encode, EncoderSettings settings, ChunkPictureAnalysis? check = null)
    {
        var threads = settings.Threads.ToString(CultureInfo.InvariantCulture);
        var n = encode.Rungs.Count;
        var branches = n + (check is null ? 0 : 1);
        var graph = $"[0:v:0]{RotateFilter(encode.Rotation)}split={branches}" + string.Concat(Enumerable.Range(0, n).Select(i => $"[s{i}]")) +
                    (check is null ? "" : "[qc]") + ";" +
                    string.Join(';', encode.Rungs.Select((r, i) => $"[s{i}]{VideoFilter(0, r.Width, r.Height)}[v{i}]")) +
                    (check is null ? "" : ";" + check.FilterBranch("qc", "qcgray"));
        var args = new List<string> { "-threads", threads, "-noautorotate", "-i", encode.Chunk.Path, "-filter_threads", threads, "-filter_complex", graph };
        for (var i = 0; i < n; i++)
        {
            var rung = encode.Rungs[i];
            args.AddRange([
                "-map", $"[v{i}]", "-an", "-sn", "-dn",
                "-fps_mode", "passthrough",
                "-c:v", "libx264", "-preset", settings.Preset, "-profile:v", rung.Profile, "-level:v", rung.Level,
                "-b:v", Kbps(rung.VideoKbps), "-maxrate", Kbps(rung.MaxRateKbps), "-bufsize", Kbps(rung.BufferKbps),
                "-force_key_frames", Gop.ForceKeyFramesExpression, "-sc_threshold", "0",
                "-threads", threads,
                "-f", "mp4", encode.OutputPaths[i],
            ]);
        }
        if (check is not null) args.AddRange(check.Outputs("qcgray"));
        return args;
    }

    /// <summary>The ffmpeg arguments for an encode request (after ffmpeg's own -hide_banner/-loglevel prefix).</summary>
    public static IReadOnlyList<string> BuildArguments(ChunkEncodeRequest request, EncoderSettings settings)
    {
        var threads = settings.Threads.ToString(CultureInfo.InvariantCulture);
        var rung = request.Rung;
        return
        [
            "-threads", threads, "-noautorotate", "-i", request.Chunk.Path,
            "-map", "0:v:0", "-an", "-sn", "-dn",
            "-fps_mode", "passthrough",
            "-filter_threads", threads, "-vf", VideoFilter(request.Rotation, rung.Width, rung.Height),
            "-c:v", "libx264", "-preset", settings.Preset, "-profile:v", rung.Profile, "-level:v", rung.Level,
            "-b:v", Kbps(rung.VideoKbps), "-maxrate", Kbps(rung.MaxRateKbps), "-bufsize", Kbps(rung.BufferKbps),
            "-force_key_frames", Gop.ForceKeyFramesExpression, "-sc_threshold", "0",
            "-threads", threads,
            "-f", "mp4", request.OutputPath,
        ];
    }

    /// <summary>Rotate as ffmpeg's autorotation would (the rotation is counter-clockwise), then scale to the rung
    /// with square pixels in 8-bit 4:2:0, which High profile and every player require.</summary>
    public static string VideoFilter(int rotation, int width, int height) =>
        $"{RotateFilter(rotation)}scale={width}:{height}:flags=bicubic,setsar=1,format=yuv420p";

    /// <summary>The filter (with its trailing comma) that turns the picture upright, or nothing.</summary>
    public static string RotateFilter(int rotation) => SourceProber.NormalizeRotation(rotation) switch
    {
        90 => "transpose=cclock,",
        180 => "hflip,vflip,",
        270 => "transpose=clock,",
        _ => "",
    };

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
