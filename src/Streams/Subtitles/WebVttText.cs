using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// Writes cues as WebVTT: timestamps as hh:mm:ss.ttt (exact to the millisecond the sources carry) and SRT cue text
/// converted to WebVTT's — the &lt;i&gt;, &lt;b&gt; and &lt;u&gt; both formats share are kept, other tags (SRT's
/// &lt;font&gt;) and ASS overrides ({\an8}) are dropped, and a bare '&amp;' or '&lt;' is escaped so a browser shows it
/// instead of reading markup; an SRT position override ({\an8}: top) becomes WebVTT's line/align settings. WebVTT cue
/// text and settings are passed through as uploaded, except region (the REGION blocks are not carried over).
/// </summary>
public static partial class WebVttText
{
    public static string Timestamp(TimeSpan time)
    {
        var ms = (long)Math.Round(time.TotalMilliseconds, MidpointRounding.AwayFromZero);
        if (ms < 0) ms = 0;
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");
    }

    /// <summary>One cue block: the timing line and its text lines (no blank line inside, none after).</summary>
    public static string Cue(SubtitleCue cue, SubtitleFormat sourceFormat)
    {
        var text = new StringBuilder();
        text.Append(Timestamp(cue.Start)).Append(" --> ").Append(Timestamp(cue.End));
        var settings = sourceFormat == SubtitleFormat.Srt ? SrtPosition(cue.TextLines) : KeptSettings(cue.Settings);
        if (settings.Length > 0) text.Append(' ').Append(settings);
        foreach (var line in cue.TextLines)
        {
            var converted = sourceFormat == SubtitleFormat.Srt ? FromSrt(line) : line;
            // A line left empty by the conversion would end the cue early; a cue's lines are never blank otherwise.
            if (converted.Trim().Length > 0) text.Append('\n').Append(converted);
        }
        return text.ToString();
    }

    /// <summary>One SRT text line as WebVTT cue text.</summary>
    public static string FromSrt(string line)
    {
        var withoutOverrides = AssOverride().Replace(line, "");
        var text = new StringBuilder();
        var at = 0;
        foreach (Match tag in Tag().Matches(withoutOverrides))
        {
            text.Append(Escape(withoutOverrides[at..tag.Index]));
            if (KeptTag().IsMatch(tag.Value)) text.Append(tag.Value.ToLowerInvariant());
            at = tag.Index + tag.Length;
        }
        text.Append(Escape(withoutOverrides[at..]));
        return text.ToString().Trim();
    }

    /// <summary>The WebVTT settings worth keeping: vertical, line, position, size and align with plain values.</summary>
    public static string KeptSettings(string? settings) => settings is null ? "" :
        string.Join(' ', settings.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Where(s => Setting().IsMatch(s)));

    /// <summary>
    /// SRT's ASS-style {\anN} (numpad layout: 7-9 top, 4-6 middle, 1-3 bottom; left, centre, right) as WebVTT settings;
    /// bottom centre (2) is where a cue goes anyway.
    /// </summary>
    public static string SrtPosition(IReadOnlyList<string> lines)
    {
        var match = lines.Select(l => Alignment().Match(l)).FirstOrDefault(m => m.Success);
        if (match is null) return "";
        var n = match.Groups[1].Value[0] - '0';
        var line = n >= 7 ? "line:0" : n >= 4 ? "line:50%" : "";
        var align = (n % 3) switch { 1 => "align:left", 0 => "align:right", _ => "" };
        return string.Join(' ', new[] { line, align }.Where(p => p.Length > 0));
    }

    private static string Escape(string plain)
    {
        var text = new StringBuilder(plain.Length);
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == '&' && !Entity().IsMatch(plain.AsSpan(i))) text.Append("&amp;");
            else if (c == '<') text.Append("&lt;");
            else if (c == '>') text.Append("&gt;");
            else text.Append(c);
        }
        return text.ToString();
    }

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("^</?[ibuIBU]>$")]
    private static partial Regex KeptTag();

    [GeneratedRegex(@"\{\\[^}]*\}")]
    private static partial Regex AssOverride();

    [GeneratedRegex(@"^(?:vertical:(?:rl|lr)|line:-?\d+(?:\.\d+)?%?(?:,(?:start|center|end))?|position:\d+(?:\.\d+)?%(?:,(?:line-left|center|line-right))?|size:\d+(?:\.\d+)?%|align:(?:start|center|end|left|right))$")]
    private static partial Regex Setting();

    [GeneratedRegex(@"\{\\an([1-9])\}")]
    private static partial Regex Alignment();

    [GeneratedRegex("^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")]
    private static partial Regex Entity();
}
