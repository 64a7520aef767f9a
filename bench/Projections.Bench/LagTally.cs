namespace MediaPlatform.Bench.Projections;

/// <summary>The load's write commands by kind: when each was acknowledged, and how many failed (after every retry).</summary>
public sealed class LagTally
{
    public enum Kind { SignUp, Subscription, Order, Payment }

    private readonly Lock _gate = new();
    private readonly List<(Kind Kind, double At)> _acked = [];
    private readonly Dictionary<Kind, int> _failed = [];

    public void Acked(Kind kind, double at)
    {
        lock (_gate) _acked.Add((kind, at));
    }

    public void Failed(Kind kind)
    {
        lock (_gate) _failed[kind] = _failed.GetValueOrDefault(kind) + 1;
    }

    public int AckedCount(Kind kind)
    {
        lock (_gate) return _acked.Count(a => a.Kind == kind);
    }

    public int FailedCount(Kind kind)
    {
        lock (_gate) return _failed.GetValueOrDefault(kind);
    }

    /// <summary>Commands of every kind acknowledged in [from, to) seconds after the load started.</summary>
    public int AckedBetween(double from, double to)
    {
        lock (_gate) return _acked.Count(a => a.At >= from && a.At < to);
    }
}
