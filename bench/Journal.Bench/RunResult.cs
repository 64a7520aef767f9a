namespace MediaPlatform.Bench.Journal;

/// <summary>
/// One run's figures: the node's journal, the raw baseline, recovery and its SELECT (absent with --history 0), and the same
/// writers through Akka.Persistence.Sql's journal (journal-write-path = plugin) for comparison.
/// </summary>
public sealed record RunResult(Rate Journal, Rate Raw, Rate? Recovery, Rate? Select, Rate Plugin)
{
    public override string ToString()
    {
        var plugin = $"; plugin journal {Plugin.PerSecond,8:N0} events/s ({Plugin.CpuMicrosPerItem:N0} µs CPU, {Plugin.BytesPerItem / 1024:N1} KB each), ratio {Plugin.PerSecond / Raw.PerSecond:0.00}";
        var writes = $"journal {Journal.PerSecond,8:N0} events/s ({Journal.CpuMicrosPerItem:N0} µs CPU, {Journal.BytesPerItem / 1024:N1} KB each), " +
                     $"raw {Raw.PerSecond,8:N0} rows/s ({Raw.CpuMicrosPerItem:N0} µs CPU each), ratio {Journal.PerSecond / Raw.PerSecond:0.00}";
        if (Recovery is not { } recovery || Select is not { } select)
            return writes + plugin;
        return writes + $"; recovery {recovery.PerSecond,9:N0} events/s ({recovery.CpuMicrosPerItem:N1} µs CPU, {recovery.BytesPerItem / 1024:N1} KB each), " +
               $"raw SELECT {select.PerSecond,9:N0} rows/s ({select.CpuMicrosPerItem:N1} µs CPU each), ratio {recovery.PerSecond / select.PerSecond:0.00}" + plugin;
    }
}
