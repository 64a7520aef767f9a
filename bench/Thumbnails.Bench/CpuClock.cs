using System.Diagnostics;
using System.Globalization;

namespace MediaPlatform.Bench.Thumbnails;

/// <summary>
/// CPU seconds this process and its finished child processes (the ffmpegs) have used: on a shared, loaded machine
/// wall time says more about the neighbours than about the work, CPU time does not. Children's time is Linux's
/// cutime + cstime from /proc/self/stat (clock ticks, 100 per second); elsewhere it counts this process only.
/// </summary>
public static class CpuClock
{
    private const double TicksPerSecond = 100;

    public static double Seconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds + ChildrenSeconds();

    private static double ChildrenSeconds()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            // Fields after the command name (which is in parentheses and may hold spaces); cutime and cstime are fields 16 and 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }
}
