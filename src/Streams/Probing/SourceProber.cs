using FFMpegCore;
using FFMpegCore.Exceptions;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Probing;

/// <summary>
/// Probes an uploaded source (FFMpegCore's ffprobe wrapper for the metadata, a packet read for what the file really holds) and
/// validates it. Unreadable input comes back as a <see cref="ProbeVerdict.Rejected"/> with a readable reason.
/// </summary>
public sealed class SourceProber(FfmpegRunner? runner = null)
{
    private readonly PacketScanner _scanner = new(runner);

    public async Task<ProbeVerdict> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(path);
        if (!file.Exists) return new ProbeVerdict.Rejected(RejectionReason.Missing, "the file does not exist");
        if (file.Length == 0) return new ProbeVerdict.Rejected(RejectionReason.Empty, "the file is empty (0 bytes)");

        IMediaAnalysis analysis;
        try
        {
            analysis = await FFProbe.AnalyseAsync(path, null, null, cancellationToken);
        }
        catch (FFProbeProcessException e)
        {
            return ProbeErrorText.Explain(e.StandardError, path);
        }
        catch (FFProbeException e)
        {
            return new ProbeVerdict.Rejected(RejectionReason.Unreadable,
                $"the file could not be read: {ProbeErrorText.Clean(e.Message, path)}");
        }

        // Cover art in audio files shows up as a one-picture "video" stream; it is not video.
        var video = analysis.VideoStreams.FirstOrDefault(v =>
            !(v.Disposition?.TryGetValue("attached_pic", out var pic) == true && pic));
        if (video is null)
        {
            var found = analysis.AudioStreams.Count > 0
                ? $"only audio ({analysis.AudioStreams[0].CodecName})"
                : "no audio or video streams";
            return new ProbeVerdict.Rejected(RejectionReason.NoVideoStream,
                $"the file has no video stream, {found}; upload a file with picture");
        }

        var scan = await _scanner.ScanAsync(path, video.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cancellationToken);
        return ProbeValidator.Validate(ToResult(analysis, video, scan));
    }

    private static ProbeResult ToResult(IMediaAnalysis analysis, VideoStream video, PacketScan scan)
    {
        var width = video.Width ?? 0;
        var height = video.Height ?? 0;
        var rotation = NormalizeRotation(video.Rotation);
        var (sarNum, sarDen) = video.SampleAspectRatio;
        // Non-square pixels (DV, anamorphic DVD) widen or narrow the picture as shown.
        var shownWidth = sarNum > 0 && sarDen > 0 && sarNum != sarDen
            ? (int)Math.Round(width * (double)sarNum / sarDen)
            : width;
        var (displayWidth, displayHeight) = rotation is 90 or 270 ? (height, shownWidth) : (shownWidth, height);

        var average = Finite(video.AverageFrameRate);
        var real = Finite(video.RealFrameRate);
        var frameRate = average > 0 ? average : real;
        var variable = average > 0 && real > 0 && Math.Abs(average - real) / real > 0.01;
        var duration = video.Duration > TimeSpan.Zero ? video.Duration : analysis.Format.Duration;
        var audio = analysis.PrimaryAudioStream;

        return new ProbeResult(
            Container: analysis.Format.FormatName ?? "",
            Duration: duration,
            Width: width,
            Height: height,
            DisplayWidth: displayWidth,
            DisplayHeight: displayHeight,
            Rotation: rotation,
            FrameRate: Math.Round(frameRate, 3),
            IsVariableFrameRate: variable,
            VideoCodec: video.CodecName ?? "",
            PixelFormat: video.PixelFormat ?? "",
            BitRate: video.BitRate ?? analysis.Format.BitRate ?? 0,
            VideoStart: video.StartTime,
            FrameCount: scan.FrameCount,
            KeyframeCount: scan.KeyframeTimes.Count,
            MaxKeyframeInterval: scan.MaxKeyframeInterval,
            ReadableDuration: scan.Duration,
            ReadError: scan.FirstError,
            HasAudio: audio is not null,
            AudioCodec: audio?.CodecName,
            AudioChannels: audio?.Channels ?? 0,
            AudioSampleRate: audio?.SampleRateHz ?? 0,
            AudioStart: audio?.StartTime ?? TimeSpan.Zero);
    }

    /// <summary>0/90/180/270 counter-clockwise, as ffmpeg's own autorotation reads it; other angles are ignored,
    /// as ffmpeg ignores them.</summary>
    public static int NormalizeRotation(double degrees)
    {
        var wrapped = ((degrees % 360) + 360) % 360;
        var nearest = Math.Round(wrapped / 90) * 90;
        return Math.Abs(wrapped - nearest) < 1 ? (int)(nearest % 360) : 0;
    }

    private static double Finite(double value) => double.IsFinite(value) && value > 0 ? value : 0;
}
