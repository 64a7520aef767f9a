namespace MediaPlatform.Bench.Journal;

/// <summary>One run's figures; recovery and its SELECT are absent when the run skipped them (--history 0).</summary>
public sealed record RunResult(Rate Journal, Rate Raw, Rate? Recovery, Rate? Select, Rate? Own = null)
{
    public override string ToString()
    {
        var own = Own is { } o
            ? $"; own write path (prototype) {o.PerSecond,8:N0} events/s ({o.CpuMicrosPerItem:N0} µs CPU, {o.BytesPerItem / 1024:N1} KB each), ratio {o.PerSecond / Raw.PerSecond:0.00}"
            : "";
        var writes = $"journal {Journal.PerSecond,8:N0} events/s ({Journal.CpuMicrosPerItem:N0} µs CPU, {Journal.BytesPerItem / 1024:N1} KB each), " +
                     $"raw {Raw.PerSecond,8:N0} rows/s ({Raw.CpuMicrosPerItem:N0} µs CPU each), ratio {Journal.PerSecond / Raw.PerSecond:0.00}";
        if (Recovery is not { } recovery || Select is not { } select)
            return writes + own;
        return writes + $"; recovery {recovery.PerSecond,9:N0} events/s ({recovery.CpuMicrosPerItem:N1} µs CPU, {recovery.BytesPerItem / 1024:N1} KB each), " +
               $"raw SELECT {select.PerSecond,9:N0} rows/s ({select.CpuMicrosPerItem:N1} µs CPU each), ratio {recovery.PerSecond / select.PerSecond:0.00}" + own;
    }
}
