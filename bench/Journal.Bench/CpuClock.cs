using System.Diagnostics;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Wall time, this process's CPU time and its allocations over one measurement. CPU and bytes per item are the
/// figures that still mean something when the machine is shared: other processes stretch the wall clock, not the work
/// this process does per event.
/// </summary>
public sealed class CpuClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);

    /// <summary>Items per wall-clock second, CPU microseconds and allocated bytes per item, since this clock started.</summary>
    public Rate Stop(long items)
    {
        _wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedAtStart;
        return new Rate(items / _wall.Elapsed.TotalSeconds, cpu.TotalMicroseconds / items, (double)allocated / items);
    }
}

/// <summary>Items per second (wall clock), CPU microseconds and allocated bytes per item (all of this process's threads).</summary>
public readonly record struct Rate(double PerSecond, double CpuMicrosPerItem, double BytesPerItem);
