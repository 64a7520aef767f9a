using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaPlatform.Streams.Quality.Video;

/// <summary>
/// Collects blackdetect, freezedetect and silencedetect spans from ffmpeg's stderr. freezedetect and silencedetect log
/// start and end separately and leave the end out when the media ends inside a span: <see cref="Finish"/> closes
/// such spans at the media's end. A black picture is also a frozen one, so black time is cut out of frozen spans.
/// </summary>
public sealed partial class DetectorLogParser
{
    private readonly List<TimeRange> _black = [];
    private readonly List<TimeRange> _frozen = [];
    private readonly List<TimeRange> _silent = [];
    private TimeSpan? _freezeStart;
    private TimeSpan? _silenceStart;

    public void Accept(string line)
    {
        if (BlackLine().Match(line) is { Success: true } black)
            _black.Add(new TimeRange(Seconds(black.Groups[1].Value), Seconds(black.Groups[2].Value)));
        else if (FreezeStart().Match(line) is { Success: true } freezeStart)
            _freezeStart = Seconds(freezeStart.Groups[1].Value);
        else if (FreezeEnd().Match(line) is { Success: true } freezeEnd && _freezeStart is { } fs)
        {
            _frozen.Add(new TimeRange(fs, Seconds(freezeEnd.Groups[1].Value)));
            _freezeStart = null;
        }
        else if (SilenceStart().Match(line) is { Success: true } silenceStart)
            _silenceStart = Seconds(silenceStart.Groups[1].Value);
        else if (SilenceEnd().Match(line) is { Success: true } silenceEnd && _silenceStart is { } ss)
        {
            _silent.Add(new TimeRange(ss, Seconds(silenceEnd.Groups[1].Value)));
            _silenceStart = null;
        }
    }

    /// <param name="mediaEnd">The media's duration, used to close spans still open at the end.</param>
    /// <param name="minFrozen">Frozen leftovers shorter than this (slivers next to black spans) are dropped.</param>
    public DetectedSpans Finish(TimeSpan mediaEnd, TimeSpan minFrozen)
    {
        var frozen = new List<TimeRange>(_frozen);
        if (_freezeStart is { } fs && fs < mediaEnd) frozen.Add(new TimeRange(fs, mediaEnd));
        var silent = new List<TimeRange>(_silent);
        if (_silenceStart is { } ss && ss < mediaEnd) silent.Add(new TimeRange(ss, mediaEnd));
        var frozenNotBlack = TimeRange.Subtract(frozen, _black).Where(r => r.Duration >= minFrozen).ToArray();
        return new DetectedSpans(_black.ToArray(), frozenNotBlack, silent);
    }

    private static TimeSpan Seconds(string value) =>
        TimeSpan.FromSeconds(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));

    private const string Number = @"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)";

    [GeneratedRegex(@"black_start:\s*" + Number + @"\s+black_end:\s*" + Number)]
    private static partial Regex BlackLine();

    [GeneratedRegex(@"freezedetect\.freeze_start:\s*" + Number)]
    private static partial Regex FreezeStart();

    [GeneratedRegex(@"freezedetect\.freeze_end:\s*" + Number)]
    private static partial Regex FreezeEnd();

    [GeneratedRegex(@"silence_start:\s*" + Number)]
    private static partial Regex SilenceStart();

    [GeneratedRegex(@"silence_end:\s*" + Number)]
    private static partial Regex SilenceEnd();
}
