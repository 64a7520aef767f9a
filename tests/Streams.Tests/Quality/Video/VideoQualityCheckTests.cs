using System.Diagnostics;
using MediaPlatform.Streams.Quality;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Quality.Video;

namespace MediaPlatform.Streams.Tests.Quality.Video;

public class VideoQualityCheckTests
{
    [Fact]
    public async Task A_file_ffmpeg_cannot_read_throws_with_its_error_text()
    {
        using var temp = new TempDirectory("media-test");
        var folder = temp.Path;
        var path = Path.Combine(folder, "garbage.mp4");
        await File.WriteAllBytesAsync(path, new byte[4096]);

        var error = await Assert.ThrowsAsync<FfmpegException>(() => VideoQualityCheck.RunAsync(path, QcThresholds.Default));

        Assert.NotEqual(0, error.ExitCode);
        Assert.Contains("Invalid data found", error.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_running_ffmpeg_process()
    {
        // A FIFO nobody writes to keeps ffprobe waiting forever: only a kill ends it.
        using var temp = new TempDirectory("media-test");
        var folder = temp.Path;
        var fifo = Path.Combine(folder, "stuck.mp4");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoQualityCheck.RunAsync(fifo, QcThresholds.Default, cts.Token));

        // RunAsync returns only after the process has exited.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
