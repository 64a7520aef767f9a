namespace MediaPlatform.Node.Observability;

/// <summary>
/// The latencies recorded in one sampling interval, bounded: past <see cref="Capacity"/> values it keeps a uniform
/// random sample (reservoir sampling), so a busy interval costs the same memory as a quiet one and its quantiles stay
/// representative. Not thread-safe: the recorder holds its lock around it.
/// </summary>
public sealed class LatencyReservoir
{
    public const int Capacity = 2048;

    private readonly double[] _values = new double[Capacity];
    private int _kept;

    public long Count { get; private set; }

    public void Add(double value)
    {
        Count++;
        if (_kept < Capacity) _values[_kept++] = value;
        else if (Random.Shared.NextInt64(Count) is var slot && slot < Capacity) _values[slot] = value;
    }

    /// <summary>The nearest-rank quantile (0..1) of what was kept; 0 when nothing was recorded.</summary>
    public double Quantile(double q)
    {
        if (_kept == 0) return 0;
        var sorted = _values.AsSpan(0, _kept).ToArray();
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public void Clear()
    {
        _kept = 0;
        Count = 0;
    }
}
