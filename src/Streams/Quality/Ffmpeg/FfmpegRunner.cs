using System.Diagnostics;
using System.Text;
using FFMpegCore;

namespace MediaPlatform.Streams.Quality.Ffmpeg;

/// <summary>
/// Runs ffmpeg/ffprobe with an argument list (no shell, no quoting), streams stderr line by line and optionally hands
/// stdout to a reader. Cancelling kills the process tree. Binaries come from FFMpegCore's global options, so the
/// whole platform configures one ffmpeg location.
/// </summary>
internal static class FfmpegRunner
{
    private const int TailLines = 12;

    public static string FfmpegPath => GlobalFFOptions.GetFFMpegBinaryPath();
    public static string FfprobePath => GlobalFFOptions.GetFFProbeBinaryPath();

    /// <summary>Runs to completion; throws <see cref="FfmpegException"/> on a non-zero exit.</summary>
    public static async Task RunAsync(string binary, IEnumerable<string> arguments, Action<string>? onErrorLine,
        Func<Stream, CancellationToken, Task>? readOutput, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {binary}");
        process.StandardInput.Close();
        var tail = new Queue<string>(TailLines);
        void OnLine(string line)
        {
            if (tail.Count == TailLines) tail.Dequeue();
            tail.Enqueue(line);
            onErrorLine?.Invoke(line);
        }

        await using var registration = cancellationToken.Register(() => Kill(process));
        var stderr = ReadLinesAsync(process.StandardError, OnLine);
        var stdout = readOutput is null
            ? process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None)
            : ReadOutputAsync(process, readOutput, cancellationToken);
        try
        {
            await Task.WhenAll(stderr, stdout).ConfigureAwait(false);
        }
        finally
        {
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
            throw new FfmpegException(Path.GetFileName(binary), process.ExitCode, tail.ToArray());
    }

    private static async Task ReadOutputAsync(Process process, Func<Stream, CancellationToken, Task> readOutput,
        CancellationToken cancellationToken)
    {
        var stream = process.StandardOutput.BaseStream;
        try
        {
            await readOutput(stream, cancellationToken).ConfigureAwait(false);
            // Whatever the reader left (it may stop early) must still be drained so ffmpeg can exit.
            await stream.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed reader leaves ffmpeg blocked on a full pipe: kill it rather than wait forever.
            Kill(process);
            throw;
        }
    }

    /// <summary>ffmpeg ends progress lines with '\r' and log lines with '\n': both end a line here.</summary>
    private static async Task ReadLinesAsync(StreamReader reader, Action<string> onLine)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (c is '\r' or '\n')
                {
                    if (line.Length > 0) onLine(line.ToString());
                    line.Clear();
                }
                else line.Append(c);
            }
        }
        if (line.Length > 0) onLine(line.ToString());
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
        catch (System.ComponentModel.Win32Exception) { /* exiting as we ask */ }
    }
}
