using System.Diagnostics;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// Wall time and this process's CPU time over one measurement. CPU per item is the figure that still means something
/// when the machine is shared: other processes stretch the wall clock, not the work this process does per event.
/// </summary>
public sealed class CpuClock
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Items per wall-clock second and CPU microseconds per item, since this clock started.</summary>
    public Rate Stop(long items)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        _wall.Stop();
        return new Rate(items / _wall.Elapsed.TotalSeconds, cpu.TotalMicroseconds / items);
    }
}

/// <summary>Items per second (wall clock) and CPU microseconds per item (all of this process's threads).</summary>
public readonly record struct Rate(double PerSecond, double CpuMicrosPerItem);
