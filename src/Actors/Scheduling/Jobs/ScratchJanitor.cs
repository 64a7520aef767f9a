using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>Asks a node to delete scratch entries not written to for <see cref="KeepFor"/>.</summary>
[Manifest("scratch.clean.v1")]
public sealed record CleanScratch(TimeSpan KeepFor) : IProtocolMessage;

[Manifest("scratch.cleaned.v1")]
public sealed record ScratchCleaned(string Directory, int Deleted, long BytesFreed, string? Error) : IProtocolMessage;

/// <summary>
/// One per node at /user/scratch-janitor: deletes top-level entries of the node's scratch directory (a transcode
/// job's working files live in one entry) whose newest file is older than the retention. Disk work runs on a
/// thread-pool task, never on the actor's thread.
/// </summary>
public sealed class ScratchJanitor : ReceiveActor
{
    public const string Name = "scratch-janitor";

    public ScratchJanitor(string directory, IClock clock)
    {
        ReceiveAsync<CleanScratch>(async clean =>
        {
            var sender = Sender;
            var result = await Task.Run(() => Clean(directory, clock.Now - clean.KeepFor));
            sender.Tell(result);
        });
    }

    public static Props PropsFor(string directory, IClock clock) => Props.Create(() => new ScratchJanitor(directory, clock));

    private static ScratchCleaned Clean(string directory, DateTimeOffset olderThan)
    {
        if (!Directory.Exists(directory)) return new ScratchCleaned(directory, 0, 0, null);
        var (deleted, bytes) = (0, 0L);
        try
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                var files = entry is DirectoryInfo dir ? dir.EnumerateFiles("*", SearchOption.AllDirectories).ToList() : [(FileInfo)entry];
                var newest = files.Select(f => f.LastWriteTimeUtc).Append(entry.LastWriteTimeUtc).Max();
                if (newest >= olderThan.UtcDateTime) continue;
                var size = files.Sum(f => f.Length);
                if (entry is DirectoryInfo d) d.Delete(recursive: true);
                else entry.Delete();
                (deleted, bytes) = (deleted + 1, bytes + size);
            }
            return new ScratchCleaned(directory, deleted, bytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScratchCleaned(directory, deleted, bytes, $"{directory}: {e.Message}");
        }
    }
}
