using System.Text.RegularExpressions;

namespace MediaPlatform.Streams.Probing;

/// <summary>Turns ffprobe's stderr into a reason a person can act on, without our paths or memory addresses.</summary>
public static partial class ProbeErrorText
{
    public static ProbeVerdict.Rejected Explain(IReadOnlyList<string> stderr, string path)
    {
        var lines = stderr.Select(l => Clean(l, path)).Where(l => l.Length > 0).ToList();
        var all = string.Join(" ", lines);
        if (all.Contains("moov atom not found", StringComparison.OrdinalIgnoreCase))
            return new(RejectionReason.Truncated,
                "the file's index (MP4 'moov' atom) is missing: the upload is incomplete or the file is damaged; " +
                "upload the whole file again");
        if (all.Contains("Invalid data found when processing input", StringComparison.OrdinalIgnoreCase))
            return new(RejectionReason.Unreadable,
                "this is not a video file ffprobe can recognise (invalid data); export it again as MP4, MOV, MKV or WebM");
        var last = lines.Count > 0 ? lines[^1] : "no reason given";
        return new(RejectionReason.Unreadable, $"the file could not be read: {last}");
    }

    /// <summary>Drops the "[mov,mp4 @ 0x55…] " prefix, byte offsets and our own file path from an ffprobe line.</summary>
    public static string Clean(string line, string path)
    {
        var text = ContextPrefix().Replace(line, "");
        text = StreamOffset().Replace(text, "");
        text = text.Replace(path + ": ", "", StringComparison.Ordinal).Replace(path, "the file", StringComparison.Ordinal);
        return text.Trim();
    }

    [GeneratedRegex(@"^\[[^\]]*@ 0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();

    // "stream 0, offset 0x4a2be: partial file" -> "partial file"
    [GeneratedRegex(@"stream \d+, offset 0x[0-9a-fA-F]+:\s*")]
    private static partial Regex StreamOffset();
}
