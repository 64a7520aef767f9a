namespace MediaPlatform.Bench.Journal;

/// <summary>One run's figures; recovery and its SELECT are absent when the run skipped them (--history 0).</summary>
public sealed record RunResult(Rate Journal, Rate Raw, Rate? Recovery, Rate? Select)
{
    public override string ToString()
    {
        var writes = $"journal {Journal.PerSecond,8:N0} events/s ({Journal.CpuMicrosPerItem:N0} µs CPU, {Journal.BytesPerItem / 1024:N1} KB each), " +
                     $"raw {Raw.PerSecond,8:N0} rows/s ({Raw.CpuMicrosPerItem:N0} µs CPU each), ratio {Journal.PerSecond / Raw.PerSecond:0.00}";
        if (Recovery is not { } recovery || Select is not { } select)
            return writes;
        return writes + $"; recovery {recovery.PerSecond,9:N0} events/s ({recovery.CpuMicrosPerItem:N1} µs CPU, {recovery.BytesPerItem / 1024:N1} KB each), " +
               $"raw SELECT {select.PerSecond,9:N0} rows/s ({select.CpuMicrosPerItem:N1} µs CPU each), ratio {recovery.PerSecond / select.PerSecond:0.00}";
    }
}
