namespace MediaPlatform.Streams.Quality.Ffmpeg;

/// <summary>ffmpeg or ffprobe failed; the message carries the last lines it wrote to stderr, which name the cause.</summary>
public sealed class FfmpegException(string tool, int exitCode, IReadOnlyList<string> lastErrorLines)
    : Exception($"{tool} exited with code {exitCode}: {string.Join(" | ", lastErrorLines)}")
{
    public string Tool { get; } = tool;
    public int ExitCode { get; } = exitCode;
    public IReadOnlyList<string> LastErrorLines { get; } = lastErrorLines;
}
