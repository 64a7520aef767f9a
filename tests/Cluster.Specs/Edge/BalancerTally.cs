namespace MediaPlatform.Specs.Edge;

/// <summary>Requests sent through the balancer, by whether the balancer may repeat them, and how they ended.</summary>
public sealed class BalancerTally
{
    private int _idempotentOk, _idempotentFailed, _onceOk, _onceFailed;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _failures = new();

    public int IdempotentOk => _idempotentOk;
    public int IdempotentFailed => _idempotentFailed;
    public int OnceOk => _onceOk;
    public int OnceFailed => _onceFailed;
    public IEnumerable<string> Failures => _failures;

    public void Record(bool idempotent, bool ok, string what)
    {
        if (idempotent) Interlocked.Increment(ref ok ? ref _idempotentOk : ref _idempotentFailed);
        else Interlocked.Increment(ref ok ? ref _onceOk : ref _onceFailed);
        if (!ok && _failures.Count < 20) _failures.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {(idempotent ? "idempotent" : "once")}: {what}");
    }

    public override string ToString() =>
        $"idempotent (GET, POST with Idempotency-Key): {IdempotentOk} ok, {IdempotentFailed} failed; " +
        $"POST without a key (never retried): {OnceOk} ok, {OnceFailed} failed";
}
