using System.ComponentModel;
using System.Diagnostics;
using FFMpegCore;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Streams.Live;

/// <summary>
/// Pipes a broadcaster's MPEG-TS into ffmpeg's stdin, which transcodes it live to <see cref="LiveLadder"/> in a local
/// folder. ffmpeg starts through <see cref="ChildProcessLauncher"/>, so it dies with the node. The input is bounded:
/// more than <c>maxBytes</c>, or no byte for <c>stallTimeout</c>, stops the transcode. Cancellation (the stream was
/// ended, its time ran out, the node stops) kills ffmpeg at once.
/// </summary>
public static class LiveTranscoder
{
    private const int TailLines = 8;
    private const int BufferSize = 64 * 1024;

    public static async Task<LiveTranscodeOutcome> RunAsync(Stream input, IReadOnlyList<string> arguments, long maxBytes, TimeSpan stallTimeout,
        CancellationToken cancellationToken)
    {
        var folder = GlobalFFOptions.Current.BinaryFolder;
        var psi = ChildProcessLauncher.StartInfo(string.IsNullOrEmpty(folder) ? "ffmpeg" : Path.Combine(folder, "ffmpeg"), arguments);
        psi.RedirectStandardInput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardOutput = true;
        psi.UseShellExecute = false;
        using var process = new Process { StartInfo = psi };
        try { await ChildProcessLauncher.StartAsync(process); }
        catch (Win32Exception e) { return LiveTranscodeOutcome.Failure($"cannot start ffmpeg: {e.Message}", 0); }

        var tail = new Queue<string>();
        var stderr = PumpAsync(process.StandardError, tail);
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        long bytes = 0;
        string? limit = null;
        var stalled = false;
        await using (cancellationToken.Register(() => Kill(process)))
        {
            var stdin = process.StandardInput.BaseStream;
            var buffer = new byte[BufferSize];
            try
            {
                while (true)
                {
                    using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    stall.CancelAfter(stallTimeout);
                    int read;
                    try { read = await input.ReadAsync(buffer, stall.Token); }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { stalled = true; break; } // as if it ended
                    if (read == 0) break;
                    bytes += read;
                    if (bytes > maxBytes)
                    {
                        limit = $"the ingest sent more than {maxBytes} bytes";
                        Kill(process);
                        break;
                    }
                    await stdin.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // ffmpeg stopped reading (it failed, or was killed because the request was aborted), or the broadcaster's
                // connection broke (an IOException, or the server's own type for a reset): the exit code, or the
                // cancellation checked below, says which. Nothing a read or write throws may escape from here.
            }
            finally
            {
                try { stdin.Close(); } catch (IOException) { /* ffmpeg already gone */ }
            }
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(stderr, stdout);
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (limit is not null) return LiveTranscodeOutcome.Failure(limit, bytes);
        if (process.ExitCode == 0)
            return stalled ? new LiveTranscodeOutcome(false, $"no data from the broadcaster for {stallTimeout.TotalSeconds:0} s", bytes) : LiveTranscodeOutcome.Ended(bytes);
        string[] lines;
        lock (tail) lines = [.. tail];
        return LiveTranscodeOutcome.Failure(lines.Length == 0
            ? $"ffmpeg could not transcode the ingest (exit code {process.ExitCode}); send MPEG-TS with H.264 video and audio"
            : $"ffmpeg could not transcode the ingest: {string.Join(" | ", lines)}", bytes);
    }

    private static async Task PumpAsync(StreamReader reader, Queue<string> tail)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length == 0) continue;
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines) tail.Dequeue();
            }
        }
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already exited */ }
        catch (Win32Exception) { /* exiting as we speak */ }
    }
}
