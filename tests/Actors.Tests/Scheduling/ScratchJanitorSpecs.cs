using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Scheduling;

/// <summary>The per-node janitor of the scratch-retention job, on a real temporary directory.</summary>
public sealed class ScratchJanitorSpecs() : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create()), IDisposable
{
    private readonly TempDirectory _scratch = new("scratch-spec");
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private string Entry(string name, TimeSpan age, bool folder)
    {
        var path = _scratch.Combine(name);
        var file = folder ? Path.Combine(Directory.CreateDirectory(path).FullName, "chunk.mp4") : path;
        File.WriteAllBytes(file, new byte[1000]);
        File.SetLastWriteTimeUtc(file, (_clock.Now - age).UtcDateTime);
        if (folder) Directory.SetLastWriteTimeUtc(path, (_clock.Now - age).UtcDateTime);
        return path;
    }

    [Fact]
    public async Task Clean_must_delete_entries_older_than_the_retention_and_keep_newer_ones()
    {
        var oldFolder = Entry("job-old", TimeSpan.FromHours(30), folder: true);
        var oldFile = Entry("stray.tmp", TimeSpan.FromHours(25), folder: false);
        var fresh = Entry("job-fresh", TimeSpan.FromHours(1), folder: true);
        var janitor = Sys.ActorOf(ScratchJanitor.PropsFor(_scratch.Path, _clock));

        var cleaned = await janitor.Ask<ScratchCleaned>(new CleanScratch(TimeSpan.FromHours(24)), TimeSpan.FromSeconds(10));

        Assert.Equal((2, 2000L, (string?)null), (cleaned.Deleted, cleaned.BytesFreed, cleaned.Error));
        Assert.False(Directory.Exists(oldFolder));
        Assert.False(File.Exists(oldFile));
        Assert.True(Directory.Exists(fresh));
    }

    [Fact]
    public async Task Clean_of_a_missing_directory_must_report_nothing_deleted()
    {
        var janitor = Sys.ActorOf(ScratchJanitor.PropsFor(_scratch.Combine("never-created"), _clock));

        var cleaned = await janitor.Ask<ScratchCleaned>(new CleanScratch(TimeSpan.FromHours(24)), TimeSpan.FromSeconds(10));

        Assert.Equal((0, (string?)null), (cleaned.Deleted, cleaned.Error));
    }

    void IDisposable.Dispose()
    {
        _scratch.Dispose();
        base.Dispose();
    }
}
