namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// ffmpeg or ffprobe exited with an error. The message carries the last lines of its stderr, because that is where
/// the reason is (a stack trace of ours never says why a file would not decode).
/// </summary>
public sealed class FfmpegException : Exception
{
    public FfmpegException(string tool, int exitCode, IReadOnlyList<string> stderrTail, IReadOnlyList<string> arguments)
        : base(Describe(tool, exitCode, stderrTail))
    {
        Tool = tool;
        ExitCode = exitCode;
        StderrTail = stderrTail;
        Arguments = arguments;
    }

    public string Tool { get; }
    public int ExitCode { get; }

    /// <summary>The last lines ffmpeg wrote to stderr, oldest first.</summary>
    public IReadOnlyList<string> StderrTail { get; }

    public IReadOnlyList<string> Arguments { get; }

    private static string Describe(string tool, int exitCode, IReadOnlyList<string> tail) =>
        tail.Count == 0
            ? $"{tool} failed with exit code {exitCode} and no message"
            : $"{tool} failed with exit code {exitCode}: {string.Join(" | ", tail)}";
}
