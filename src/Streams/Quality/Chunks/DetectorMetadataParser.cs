using System.Globalization;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Quality.Chunks;

/// <summary>
/// Collects the spans blackdetect and freezedetect mark in frame metadata, as ffmpeg's <c>metadata=mode=print</c> writes
/// it: a <c>frame:N pts:P pts_time:T</c> line, then one <c>key=value</c> line per key. Metadata is independent of the
/// detectors' log level and minimum durations, so every span is seen, however short. A span still open when the
/// chunk ends is closed at the chunk's end.
/// </summary>
internal sealed class DetectorMetadataParser
{
    private readonly List<TimeRange> _black = [];
    private readonly List<TimeRange> _frozen = [];
    private TimeSpan? _blackStart;
    private TimeSpan? _freezeStart;

    /// <summary>True when the line was the metadata printer's (and so is no error message).</summary>
    public bool Accept(string line)
    {
        if (line.StartsWith("frame:", StringComparison.Ordinal)) return true;
        if (!line.StartsWith("lavfi.", StringComparison.Ordinal)) return false;
        var equals = line.IndexOf('=');
        if (equals < 0) return true;
        var key = line[..equals];
        if (!double.TryParse(line.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return true;
        var at = TimeSpan.FromSeconds(seconds);
        switch (key)
        {
            case "lavfi.black_start": _blackStart = at; break;
            case "lavfi.black_end" when _blackStart is { } start:
                _black.Add(new TimeRange(start, at));
                _blackStart = null;
                break;
            case "lavfi.freezedetect.freeze_start": _freezeStart = at; break;
            case "lavfi.freezedetect.freeze_end" when _freezeStart is { } start:
                _frozen.Add(new TimeRange(start, at));
                _freezeStart = null;
                break;
        }
        return true;
    }

    /// <summary>The spans, open ones closed at <paramref name="end"/>, moved by <paramref name="offset"/> into the title's timeline.</summary>
    public (IReadOnlyList<TimeRange> Black, IReadOnlyList<TimeRange> Frozen) Finish(TimeSpan end, TimeSpan offset)
    {
        var black = new List<TimeRange>(_black);
        if (_blackStart is { } bs && bs < end) black.Add(new TimeRange(bs, end));
        var frozen = new List<TimeRange>(_frozen);
        if (_freezeStart is { } fs && fs < end) frozen.Add(new TimeRange(fs, end));
        return (Shift(black, offset), Shift(frozen, offset));
    }

    private static IReadOnlyList<TimeRange> Shift(List<TimeRange> ranges, TimeSpan offset) =>
        ranges.Select(r => new TimeRange(r.Start + offset, r.End + offset)).ToList();
}
