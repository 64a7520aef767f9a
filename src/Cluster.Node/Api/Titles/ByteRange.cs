namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// One HTTP byte range resolved against a length: <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c> (the last n).
/// A header this does not understand (another unit, several ranges, junk) is ignored and the whole blob is served,
/// as RFC 9110 allows; a well-formed range that starts past the end is unsatisfiable (416).
/// </summary>
public sealed record ByteRange(long Start, long End)
{
    public long Length => End - Start + 1;

    public enum Outcome { Whole, Partial, Unsatisfiable }

    public static (Outcome Outcome, ByteRange? Range) Resolve(string? header, long length)
    {
        if (string.IsNullOrWhiteSpace(header)) return (Outcome.Whole, null);
        var value = header.Trim();
        if (!value.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) return (Outcome.Whole, null);
        var spec = value["bytes=".Length..].Trim();
        if (spec.Contains(',')) return (Outcome.Whole, null);
        var dash = spec.IndexOf('-');
        if (dash < 0) return (Outcome.Whole, null);
        var (first, last) = (spec[..dash].Trim(), spec[(dash + 1)..].Trim());
        if (first.Length == 0)
        {
            // Suffix: the last n bytes.
            if (!TryNumber(last, out var suffix)) return (Outcome.Whole, null);
            if (suffix == 0 || length == 0) return (Outcome.Unsatisfiable, null);
            return (Outcome.Partial, new ByteRange(Math.Max(0, length - suffix), length - 1));
        }
        if (!TryNumber(first, out var start)) return (Outcome.Whole, null);
        long end = length - 1;
        if (last.Length > 0)
        {
            if (!TryNumber(last, out end) || end < start) return (Outcome.Whole, null);
            end = Math.Min(end, length - 1);
        }
        return start >= length ? (Outcome.Unsatisfiable, null) : (Outcome.Partial, new ByteRange(start, end));
    }

    private static bool TryNumber(string text, out long value) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
}
