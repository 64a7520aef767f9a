using System.Diagnostics;
using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// Brings N user entities to life (registered, so each holds real state) and reports the managed heap they add,
/// scaled to 10,000 entities. They stay live: passivation only stops entities idle for 2 minutes.
/// </summary>
public static class EntityMemory
{
    public static async Task MeasureAsync(InProcessNodeCluster cluster, int entities)
    {
        var before = Heap();
        var started = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, entities).Select(i => $"u-mem{i:x12}").ToArray();
        foreach (var batch in ids.Chunk(250))
            await Task.WhenAll(batch.Select(id => cluster.Registered<EntityRegions.Users>().Ask<object>(
                new RegisterUser(id, $"{id}@example.com", $"Memory {id}", "pbkdf2-sha256$100000$c2FsdA==$aGFzaA=="), TimeSpan.FromSeconds(60))));
        var created = started.Elapsed;
        var after = Heap();
        var perEntity = (after - before) / (double)entities;
        Console.WriteLine();
        Console.WriteLine($"| live user entities | managed heap added | per entity | per 10,000 | process peak working set |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        Console.WriteLine($"| {entities:N0} | {(after - before) / 1048576.0:N1} MiB | {perEntity / 1024:N1} KiB | " +
                          $"{perEntity * 10_000 / 1048576.0:N1} MiB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB |");
        Console.WriteLine($"({entities:N0} registrations persisted in {created.TotalSeconds:0.0} s: {entities / created.TotalSeconds:N0}/s; " +
                          "3 nodes share this process, so the heap is the whole cluster's)");
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
