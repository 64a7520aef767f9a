using System.Diagnostics;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>
/// A broadcaster as the README tells one to push: ffmpeg generating a test pattern and tone in real time (-re) and
/// PUTting MPEG-TS, chunked, to a node's ingest URL with the stream key in a header. Killed on dispose.
/// </summary>
public sealed class Broadcaster : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private Broadcaster(Process process) => _process = process;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public bool Exited => _process.HasExited;

    public static Broadcaster Start(Uri node, string streamId, string key)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[]
                 {
                     "-hide_banner", "-loglevel", "error", "-re",
                     "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                     "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency", "-g", "60", "-pix_fmt", "yuv420p", "-c:a", "aac",
                     "-f", "mpegts", "-method", "PUT", "-headers", $"X-Stream-Key: {key}\r\n", new Uri(node, $"/api/live/{streamId}/ingest").ToString(),
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("ffmpeg did not start");
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        return new Broadcaster(process);
    }

    /// <summary>
    /// The broadcaster stops as a person stopping their encoder does: ffmpeg is told to quit ('q'), finishes its request
    /// and exits (killed if it has not within <paramref name="timeout"/>). The request ends without an end of stream.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteAsync('q');
            await _process.StandardInput.FlushAsync();
            using var cts = new CancellationTokenSource(timeout);
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { }
        }
        await DisposeAsync();
    }

    /// <summary>Kills ffmpeg (the broadcaster's connection drops); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
