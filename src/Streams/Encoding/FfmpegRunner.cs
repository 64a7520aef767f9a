using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using FFMpegCore;

namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// Runs ffmpeg and ffprobe as child processes. We start them ourselves instead of through FFMpegCore's processor so
/// that arguments travel as an argv list (no shell quoting of paths or filter expressions), cancellation kills the
/// process at once (FFMpegCore first writes "q" to stdin and waits), and the stderr tail is kept for error messages.
/// Binary locations still come from FFMpegCore's <see cref="GlobalFFOptions"/>, so one setting configures both.
/// </summary>
public sealed class FfmpegRunner
{
    private const int TailLines = 12;
    private readonly Action<int>? _onRunningChanged;
    private readonly Action<int, string, IReadOnlyList<string>>? _onProcessStarted;
    private int _running;

    /// <param name="onRunningChanged">Called with the number of child processes this runner has alive, after each
    /// start and exit; lets callers observe (and tests prove) how many run at once.</param>
    /// <param name="onProcessStarted">Called with the id, tool (ffmpeg/ffprobe) and arguments of each process started; the
    /// process may have ended by then, so the arguments come from here rather than from /proc.</param>
    public FfmpegRunner(Action<int>? onRunningChanged = null, Action<int, string, IReadOnlyList<string>>? onProcessStarted = null) =>
        (_onRunningChanged, _onProcessStarted) = (onRunningChanged, onProcessStarted);

    /// <summary>A runner shared by callers that do not need to observe their own processes.</summary>
    public static FfmpegRunner Shared { get; } = new();

    /// <summary>Child processes of this runner alive right now.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>
    /// Runs ffmpeg with <paramref name="arguments"/> (inputs, options and output; quiet logging and machine-readable
    /// progress are added here). <paramref name="onProgress"/> receives the output timestamp reached so far.
    /// </summary>
    public Task RunFfmpegAsync(IReadOnlyList<string> arguments, string? workingDirectory = null,
        Action<TimeSpan>? onProgress = null, CancellationToken cancellationToken = default)
    {
        string[] prefix = onProgress is null
            ? ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats"]
            : ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:1"];
        Action<string>? onLine = onProgress is null ? null : line => ReportProgress(line, onProgress);
        return RunAsync("ffmpeg", [.. prefix, .. arguments], workingDirectory, onLine, cancellationToken);
    }

    /// <summary>
    /// Runs ffmpeg whose filters also report on stderr (a <c>metadata=mode=print:file='pipe\:2'</c> branch) and which may
    /// write raw frames to stdout (<paramref name="readOutput"/>; drained when null). Progress travels on stderr too
    /// (<c>-progress pipe:2</c>). Progress lines and the lines <paramref name="onReportLine"/> claims (returns true for)
    /// stay out of the error tail, so a failure still names ffmpeg's own error.
    /// </summary>
    public Task RunFfmpegReportingAsync(IReadOnlyList<string> arguments, Action<TimeSpan>? onProgress, Func<string, bool> onReportLine,
        Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken = default)
    {
        string[] prefix = ["-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-nostats", "-progress", "pipe:2"];
        return RunAsync("ffmpeg", [.. prefix, .. arguments], null,
            readOutput ?? ((stdout, _) => stdout.CopyToAsync(Stream.Null, CancellationToken.None)), cancellationToken,
            claimErrorLine: line =>
            {
                if (onReportLine(line)) return true;
                if (!ProgressLine(line)) return false;
                if (onProgress is not null) ReportProgress(line, onProgress);
                return true;
            });
    }

    /// <summary>Runs ffprobe; every stdout line goes to <paramref name="onLine"/> as it arrives.</summary>
    public Task RunFfprobeAsync(IReadOnlyList<string> arguments, Action<string> onLine,
        CancellationToken cancellationToken = default) =>
        RunAsync("ffprobe", ["-hide_banner", "-v", "error", .. arguments], null, onLine, cancellationToken);

    /// <summary>Runs ffprobe and returns its stderr lines even when it exits 0 (demuxer complaints land there).</summary>
    public async Task<IReadOnlyList<string>> RunFfprobeCollectingErrorsAsync(IReadOnlyList<string> arguments,
        Action<string> onLine, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        await RunAsync("ffprobe", ["-hide_banner", "-v", "error", .. arguments], null, onLine, cancellationToken, errors);
        return errors;
    }

    /// <summary>
    /// Runs ffmpeg or ffprobe (<paramref name="tool"/>) with the arguments exactly as given: every stderr line goes to
    /// <paramref name="onErrorLine"/> (filters such as blackdetect report there), and stdout, raw, to
    /// <paramref name="readOutput"/> (e.g. decoded frames; drained when null).
    /// </summary>
    public Task RunRawAsync(string tool, IReadOnlyList<string> arguments, Action<string>? onErrorLine,
        Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken = default) =>
        RunAsync(tool, [.. arguments], null, readOutput ?? ((stdout, _) => stdout.CopyToAsync(Stream.Null, CancellationToken.None)),
            cancellationToken, onErrorLine: onErrorLine);

    private Task RunAsync(string tool, string[] arguments, string? workingDirectory, Action<string>? onLine,
        CancellationToken cancellationToken, List<string>? allErrors = null) =>
        RunAsync(tool, arguments, workingDirectory, (stdout, _) => PumpAsync(new StreamReader(stdout), onLine ?? (_ => { })),
            cancellationToken, allErrors);

    private async Task RunAsync(string tool, string[] arguments, string? workingDirectory, Func<Stream, CancellationToken, Task> readOutput,
        CancellationToken cancellationToken, List<string>? allErrors = null, Action<string>? onErrorLine = null,
        Func<string, bool>? claimErrorLine = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Through the launcher: a node killed with SIGKILL takes its ffmpeg with it (no orphan keeps a core busy).
        var psi = ChildProcessLauncher.StartInfo(BinaryPath(tool), arguments);
        psi.RedirectStandardError = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardInput = false;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = workingDirectory ?? "";

        using var process = new Process { StartInfo = psi };
        try { await ChildProcessLauncher.StartAsync(process); }
        catch (Win32Exception e) { throw new FfmpegException(tool, -1, [$"cannot start {psi.FileName}: {e.Message}"], arguments); }
        Changed(Interlocked.Increment(ref _running));
        try
        {
            _onProcessStarted?.Invoke(process.Id, tool, arguments);
            var tail = new Queue<string>();
            var stderr = PumpAsync(process.StandardError, line =>
            {
                if (claimErrorLine?.Invoke(line) == true) return;
                lock (tail)
                {
                    allErrors?.Add(line);
                    tail.Enqueue(line);
                    if (tail.Count > TailLines) tail.Dequeue();
                }
                onErrorLine?.Invoke(line);
            });
            var stdout = ReadOutputAsync(process, readOutput, cancellationToken);
            await using (cancellationToken.Register(() => Kill(process)))
            {
                await process.WaitForExitAsync(CancellationToken.None);
                await Task.WhenAll(stderr, stdout);
            }
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                string[] lines;
                lock (tail) lines = [.. tail];
                throw new FfmpegException(tool, process.ExitCode, lines, arguments);
            }
        }
        finally
        {
            Changed(Interlocked.Decrement(ref _running));
        }
    }

    private static async Task ReadOutputAsync(Process process, Func<Stream, CancellationToken, Task> readOutput, CancellationToken cancellationToken)
    {
        var stream = process.StandardOutput.BaseStream;
        try
        {
            await readOutput(stream, cancellationToken);
            // Whatever the reader left (it may stop early) is drained so the process can exit.
            await stream.CopyToAsync(Stream.Null, CancellationToken.None);
        }
        catch
        {
            Kill(process); // a failed reader would leave the process blocked on a full pipe
            throw;
        }
    }

    private void Changed(int running) => _onRunningChanged?.Invoke(running);

    private static async Task PumpAsync(StreamReader reader, Action<string> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
            if (line.Length > 0) onLine(line);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
        catch (Win32Exception) { /* exiting as we speak */ }
    }

    /// <summary>A -progress line: key=value with a lower-case key (frame=, out_time_us=, progress=continue …).</summary>
    private static bool ProgressLine(string line)
    {
        var equals = line.IndexOf('=');
        return equals > 0 && line.AsSpan(0, equals).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789_") < 0;
    }

    private static void ReportProgress(string line, Action<TimeSpan> onProgress)
    {
        // -progress prints key=value lines; out_time_us is the output position in microseconds ("N/A" early on).
        const string key = "out_time_us=";
        if (line.StartsWith(key, StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(key.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var us)
            && us >= 0)
            onProgress(TimeSpan.FromTicks(us * 10));
    }

    private static string BinaryPath(string tool)
    {
        var folder = GlobalFFOptions.Current.BinaryFolder;
        return string.IsNullOrEmpty(folder) ? tool : Path.Combine(folder, tool);
    }
}
