using System.Globalization;
using System.Text;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Streams.Tests.Quality.Subtitles;

/// <summary>A cue to write into a test file: times in seconds, one string per text line.</summary>
public sealed record TestCue(double Start, double End, params string[] Lines);

/// <summary>Writes cues as WebVTT or SRT and remembers the file line of each cue's timing line.</summary>
public static class SubtitleText
{
    public static (string Text, IReadOnlyList<int> TimingLines) Write(SubtitleFormat format, params TestCue[] cues)
    {
        var text = new StringBuilder();
        var line = 0;
        var timingLines = new List<int>();
        void Add(string s) { text.Append(s).Append('\n'); line++; }

        if (format == SubtitleFormat.WebVtt) { Add("WEBVTT"); Add(""); }
        for (var i = 0; i < cues.Length; i++)
        {
            Add((i + 1).ToString(CultureInfo.InvariantCulture));
            Add($"{Time(cues[i].Start, format)} --> {Time(cues[i].End, format)}");
            timingLines.Add(line);
            foreach (var l in cues[i].Lines) Add(l);
            Add("");
        }
        return (text.ToString(), timingLines);
    }

    /// <summary>Three well-behaved cues: 2 s each, 1 to 2 s apart, short text.</summary>
    public static TestCue[] Clean() =>
    [
        new(1, 3, "Hello there."),
        new(4, 6, "How are you?", "Fine, thanks."),
        new(8, 10, "Good."),
    ];

    public static string Time(double seconds, SubtitleFormat format)
    {
        var t = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        var separator = format == SubtitleFormat.Srt ? "," : ".";
        return $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}{separator}{t.Milliseconds:000}";
    }
}
