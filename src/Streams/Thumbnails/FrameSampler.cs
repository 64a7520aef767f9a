using System.Globalization;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Packaging;

namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// Decodes a title's candidate frames at thumbnail size in one ffmpeg pass and picks from them (<see cref="SamplePicker"/>).
/// A rendition with keyframes every <c>keyframeInterval</c> (ours: every 2 s) is sampled by decoding its keyframes only
/// (<c>-skip_frame nokey</c>) — a fraction of the decoding, and scene changes are judged keyframe to keyframe; a title
/// too short for that, or a video whose keyframes are unknown, is decoded whole with a candidate every half spacing.
/// Frames come raw (RGB24) on stdout; their times come on stderr from a <c>metadata</c> print, one line per frame,
/// written with the frame (but buffered: they are paired up by order).
/// </summary>
public sealed class FrameSampler(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<FrameSamples> SampleAsync(string videoPath, int width, int height, TimeSpan duration, TimeSpan? keyframeInterval,
        ThumbnailOptions options, CancellationToken cancellationToken = default)
    {
        var spacing = options.SpacingFor(duration);
        var keyframesOnly = keyframeInterval is { } k && k > TimeSpan.Zero && spacing >= k;
        var step = keyframesOnly ? (TimeSpan?)null : TimeSpan.FromTicks(Math.Min(spacing.Ticks / 2, TimeSpan.FromSeconds(Gop.Seconds).Ticks));
        var thumbHeight = options.ThumbHeightFor(width, height);
        var picker = new SamplePicker(spacing, options);
        var times = new List<TimeSpan>();
        // ffmpeg buffers the printed times (its file writer flushes when full), so frames often arrive before their
        // times: they wait here, at most about a buffer's worth of lines.
        var waiting = new Queue<SampledFrame>();
        var fed = 0;

        void FeedTimed()
        {
            lock (times)
                while (waiting.Count > 0 && fed < times.Count)
                    picker.Add(waiting.Dequeue() with { Time = times[fed++] });
        }

        bool OnReportLine(string line)
        {
            const string key = "pts_time:";
            if (line.StartsWith("frame:", StringComparison.Ordinal) && line.IndexOf(key, StringComparison.Ordinal) is var at and > 0)
            {
                var text = line[(at + key.Length)..].Trim();
                var seconds = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? Math.Max(0, s) : 0;
                lock (times) times.Add(TimeSpan.FromSeconds(seconds));
                return true;
            }
            return line.StartsWith("lavfi.", StringComparison.Ordinal);
        }

        async Task ReadFramesAsync(Stream stdout, CancellationToken ct)
        {
            var size = options.ThumbWidth * thumbHeight * 3;
            byte[]? previousLuma = null;
            while (true)
            {
                var rgb = new byte[size];
                var read = await stdout.ReadAtLeastAsync(rgb, size, throwOnEndOfStream: false, ct);
                if (read < size) return;
                var luma = FrameStatistics.Luma(rgb);
                var scene = previousLuma is null ? 0 : FrameStatistics.Difference(previousLuma, luma);
                previousLuma = luma;
                waiting.Enqueue(new SampledFrame(TimeSpan.Zero, rgb, FrameStatistics.Mean(luma), FrameStatistics.Detail(luma, options.ThumbWidth, thumbHeight), scene));
                FeedTimed();
            }
        }

        await _runner.RunFfmpegReportingAsync(BuildArguments(Path.GetFullPath(videoPath), options.ThumbWidth, thumbHeight, step),
            null, OnReportLine, ReadFramesAsync, cancellationToken);
        FeedTimed(); // every time has arrived once ffmpeg's stderr is closed
        if (waiting.Count > 0) throw new InvalidDataException($"ffmpeg wrote {waiting.Count} frame(s) without their times");
        if (picker.Poster is not { } poster) throw new InvalidDataException($"no frame could be decoded from {Path.GetFileName(videoPath)}");
        return new FrameSamples(picker.Picks(), poster, options.ThumbWidth, thumbHeight, picker.Candidates, keyframesOnly);
    }

    /// <param name="step">Null: keyframes only; otherwise a candidate at least this far after the one before.</param>
    public static IReadOnlyList<string> BuildArguments(string videoPath, int thumbWidth, int thumbHeight, TimeSpan? step)
    {
        var select = step is { } s
            ? $"select='isnan(prev_selected_t)+gte(t-prev_selected_t,{s.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)})',"
            : "";
        string[] input = step is null ? ["-skip_frame", "nokey", .. ChunkConcatList.Input(videoPath)] : [.. ChunkConcatList.Input(videoPath)];
        return
        [
            .. input, "-map", "0:v:0", "-an", "-sn",
            // signalstats gives every frame metadata, so the print names each frame's time (it prints nothing for a frame without).
            "-vf", $"{select}scale={thumbWidth}:{thumbHeight}:flags=area,setsar=1,format=rgb24,signalstats,metadata=mode=print:key=lavfi.signalstats.YAVG:file='pipe\\:2'",
            "-fps_mode", "passthrough", "-f", "rawvideo", "pipe:1",
        ];
    }
}
