using System.Text.RegularExpressions;

namespace MediaPlatform.Streams.Quality.Subtitles;

/// <summary>Timing lines of both formats: WebVTT "(hh:)mm:ss.ttt", SRT "hh:mm:ss,ttt" (a '.' is tolerated too).</summary>
internal static partial class SubtitleTimestamp
{
    public static bool IsTimingLine(string line) => line.Contains("-->", StringComparison.Ordinal);

    /// <summary>Splits "start --> end [settings]"; null with a reason when either side is not a timestamp.</summary>
    public static (TimeSpan Start, TimeSpan End, string? Settings)? ParseTiming(string line, SubtitleFormat format, out string? error)
    {
        var match = Timing().Match(line);
        if (!match.Success)
        {
            error = $"bad timing line '{line.Trim()}'";
            return null;
        }
        var start = Parse(match.Groups["start"].Value, format);
        var end = Parse(match.Groups["end"].Value, format);
        if (start is null || end is null)
        {
            error = $"bad timestamp '{(start is null ? match.Groups["start"].Value : match.Groups["end"].Value)}'";
            return null;
        }
        error = null;
        var settings = match.Groups["settings"].Value.Trim();
        return (start.Value, end.Value, settings.Length == 0 ? null : settings);
    }

    private static TimeSpan? Parse(string value, SubtitleFormat format)
    {
        var match = (format == SubtitleFormat.WebVtt ? Vtt() : Srt()).Match(value);
        if (!match.Success) return null;
        var hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].Value) : 0;
        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(int.Parse(match.Groups["m"].Value)) +
               TimeSpan.FromSeconds(int.Parse(match.Groups["s"].Value)) +
               TimeSpan.FromMilliseconds(int.Parse(match.Groups["ms"].Value));
    }

    [GeneratedRegex(@"^\s*(?<start>\S+)[ \t]+-->[ \t]+(?<end>\S+)(?:[ \t](?<settings>.*))?$")]
    private static partial Regex Timing();

    [GeneratedRegex(@"^(?:(?<h>\d{2,}):)?(?<m>[0-5]\d):(?<s>[0-5]\d)\.(?<ms>\d{3})$")]
    private static partial Regex Vtt();

    [GeneratedRegex(@"^(?<h>\d{1,}):(?<m>[0-5]\d):(?<s>[0-5]\d)[,.](?<ms>\d{3})$")]
    private static partial Regex Srt();
}
