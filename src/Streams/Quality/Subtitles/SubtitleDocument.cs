using System.Text.Json.Serialization;

namespace MediaPlatform.Streams.Quality.Subtitles;

[JsonConverter(typeof(JsonStringEnumConverter<SubtitleFormat>))]
public enum SubtitleFormat
{
    Unknown,
    WebVtt,
    Srt,
}

/// <summary>
/// One subtitle event. <paramref name="Index"/> counts cue blocks from 1 in file order (failed ones included, so it
/// matches what a person counts); <paramref name="Line"/> is the 1-based file line of its timing line.
/// <paramref name="Settings"/>: a WebVTT cue's settings as written after its end time (position, line, align…); null
/// when there are none and for SRT.
/// </summary>
public sealed record SubtitleCue(int Index, int Line, TimeSpan Start, TimeSpan End, IReadOnlyList<string> TextLines, string? Settings = null)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>Something that kept a part of the file from being read, at a 1-based file line.</summary>
public sealed record SubtitleParseError(int Line, string Message, int? Cue = null);

/// <summary>A parsed subtitle file: the cues that could be read and the errors for the rest.</summary>
public sealed record SubtitleDocument(SubtitleFormat Format, IReadOnlyList<SubtitleCue> Cues, IReadOnlyList<SubtitleParseError> Errors);
