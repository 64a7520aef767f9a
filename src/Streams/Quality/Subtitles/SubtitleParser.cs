namespace MediaPlatform.Streams.Quality.Subtitles;

/// <summary>
/// Reads WebVTT and SRT text, telling them apart by content (a "WEBVTT" header, or SRT's numbered blocks). Tolerates a
/// byte-order mark, CRLF or CR line ends and a missing final blank line; everything else that cannot be read becomes
/// a <see cref="SubtitleParseError"/> at its line, and parsing carries on with the next block.
/// </summary>
public static class SubtitleParser
{
    public static SubtitleDocument Parse(string text)
    {
        var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var cues = new List<SubtitleCue>();
        var errors = new List<SubtitleParseError>();
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0)
        {
            errors.Add(new SubtitleParseError(1, "the file is empty"));
            return new SubtitleDocument(SubtitleFormat.Unknown, cues, errors);
        }

        var format = DetectFormat(lines[first]);
        if (format == SubtitleFormat.Unknown)
        {
            errors.Add(new SubtitleParseError(first + 1, "neither a WEBVTT header nor a numbered SRT cue"));
            return new SubtitleDocument(format, cues, errors);
        }

        var index = 0;
        var block = new List<int>(); // line indexes of the current block
        var isHeader = format == SubtitleFormat.WebVtt;
        for (var i = first; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i].Trim().Length > 0)
            {
                block.Add(i);
                continue;
            }
            if (block.Count == 0) continue;
            if (isHeader)
            {
                // WEBVTT and its header lines end at the first blank line; a cue glued on without one is still read.
                isHeader = false;
                if (block.Skip(1).Any(i => SubtitleTimestamp.IsTimingLine(lines[i])))
                    ReadBlock(lines, block.Skip(1).ToList(), format, ref index, cues, errors);
            }
            else ReadBlock(lines, block, format, ref index, cues, errors);
            block.Clear();
        }
        return new SubtitleDocument(format, cues, errors);
    }

    private static SubtitleFormat DetectFormat(string firstLine)
    {
        var line = firstLine.Trim();
        if (line == "WEBVTT" || line.StartsWith("WEBVTT ", StringComparison.Ordinal) ||
            line.StartsWith("WEBVTT\t", StringComparison.Ordinal))
            return SubtitleFormat.WebVtt;
        return line.All(char.IsAsciiDigit) || SubtitleTimestamp.IsTimingLine(line) ? SubtitleFormat.Srt : SubtitleFormat.Unknown;
    }

    private static void ReadBlock(string[] lines, List<int> block, SubtitleFormat format, ref int index,
        List<SubtitleCue> cues, List<SubtitleParseError> errors)
    {
        var head = lines[block[0]].Trim();
        if (format == SubtitleFormat.WebVtt && IsVttNonCue(head)) return;

        // A block normally holds one cue; a missing blank line glues the next one on, so split at each timing line.
        var timings = block.Where(i => SubtitleTimestamp.IsTimingLine(lines[i])).ToList();
        if (timings.Count == 0)
        {
            errors.Add(new SubtitleParseError(block[0] + 1, $"not a cue: '{Shorten(head)}'"));
            return;
        }
        var start = 0;
        for (var t = 0; t < timings.Count; t++)
        {
            var timingAt = block.IndexOf(timings[t]);
            var nextTimingAt = t + 1 < timings.Count ? block.IndexOf(timings[t + 1]) : block.Count;
            // The identifier or SRT number of the next cue sits right before its timing line.
            var end = nextTimingAt < block.Count && nextTimingAt - 1 > timingAt ? nextTimingAt - 1 : nextTimingAt;
            ReadCue(lines, block, start, timingAt, end, format, ++index, cues, errors);
            start = end;
        }
    }

    private static void ReadCue(string[] lines, List<int> block, int from, int timingAt, int to, SubtitleFormat format,
        int index, List<SubtitleCue> cues, List<SubtitleParseError> errors)
    {
        // Before the timing line: nothing, a WebVTT identifier, or the SRT number. More than one line is garbage.
        if (timingAt - from > 1)
        {
            errors.Add(new SubtitleParseError(block[from] + 1, $"unexpected line before cue {index}: '{Shorten(lines[block[from]])}'", index));
        }
        else if (timingAt - from == 1 && format == SubtitleFormat.Srt && !lines[block[from]].Trim().All(char.IsAsciiDigit))
        {
            errors.Add(new SubtitleParseError(block[from] + 1, $"expected the cue number, got '{Shorten(lines[block[from]])}'", index));
        }

        var timingLine = block[timingAt] + 1;
        var timing = SubtitleTimestamp.ParseTiming(lines[block[timingAt]], format, out var error);
        if (timing is not { } span)
        {
            errors.Add(new SubtitleParseError(timingLine, error!, index));
            return;
        }
        if (span.End <= span.Start)
        {
            errors.Add(new SubtitleParseError(timingLine, $"cue {index} ends ({span.End:hh\\:mm\\:ss\\.fff}) at or before its start ({span.Start:hh\\:mm\\:ss\\.fff})", index));
            return;
        }
        var text = new List<string>();
        for (var k = timingAt + 1; k < to; k++) text.Add(lines[block[k]].TrimEnd());
        if (text.Count == 0 || text.All(l => CueText.Visible(l).Length == 0))
        {
            errors.Add(new SubtitleParseError(timingLine, $"cue {index} has no text", index));
            return;
        }
        cues.Add(new SubtitleCue(index, timingLine, span.Start, span.End, text, format == SubtitleFormat.WebVtt ? span.Settings : null));
    }

    private static bool IsVttNonCue(string head) =>
        head == "NOTE" || head.StartsWith("NOTE ", StringComparison.Ordinal) || head.StartsWith("NOTE\t", StringComparison.Ordinal) ||
        head == "STYLE" || head == "REGION";

    private static string Shorten(string line) => line.Trim() is { Length: > 40 } l ? l[..40] + "…" : line.Trim();
}
