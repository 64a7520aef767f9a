using System.Collections.Concurrent;

namespace MediaPlatform.Specs.Edge;

/// <summary>When each request through the balancer started and how long it took, for percentiles over a window.</summary>
public sealed class RequestLatencies
{
    private readonly ConcurrentQueue<(DateTime Started, TimeSpan Took)> _samples = new();

    public void Record(DateTime started, TimeSpan took) => _samples.Enqueue((started, took));

    /// <summary>The count and the given percentile (0-100, nearest rank) of requests started within [from, to).</summary>
    public (int Count, TimeSpan Percentile) Within(DateTime from, DateTime to, double percentile)
    {
        var sorted = _samples.Where(s => s.Started >= from && s.Started < to).Select(s => s.Took).Order().ToList();
        if (sorted.Count == 0) return (0, TimeSpan.Zero);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return (sorted.Count, sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)]);
    }

    /// <summary>How many requests took at least <paramref name="threshold"/> (an entity ask that timed out and was re-sent, or one nginx sent on).</summary>
    public int Slower(TimeSpan threshold) => _samples.Count(s => s.Took >= threshold);
}
