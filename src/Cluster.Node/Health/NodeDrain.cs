using System.Runtime.InteropServices;

namespace MediaPlatform.Node.Health;

/// <summary>
/// Draining: this node is about to leave, so readiness answers 503 (the balancer or Kubernetes stops sending it new
/// requests) while it still serves whatever reaches it. It begins on SIGUSR1 — what `scripts/cluster.sh
/// rolling-restart` and the Kubernetes preStop hook send before SIGTERM — and at the latest when the host starts
/// stopping (SIGTERM), so readiness is never 200 while CoordinatedShutdown leaves the cluster. It never ends: a
/// drained node is replaced by a new process.
/// </summary>
public sealed class NodeDrain(IHostApplicationLifetime lifetime, ILogger<NodeDrain> log) : IHostedService, IDisposable
{
    /// <summary>SIGUSR1 on Linux; .NET takes raw signal numbers cast to <see cref="PosixSignal"/>.</summary>
    public const int DrainSignal = 10;

    private PosixSignalRegistration? _signal;
    private CancellationTokenRegistration _stopping;
    private readonly CancellationTokenSource _drainingSignal = new();
    private int _draining;

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    /// <summary>Cancelled when draining begins (the edge port closes on it).</summary>
    public CancellationToken Draining => _drainingSignal.Token;

    public void Begin(string why)
    {
        if (Interlocked.Exchange(ref _draining, 1) != 0) return;
        log.LogInformation("Draining ({Why}): readiness answers 503 from now on; requests are still served", why);
        _drainingSignal.Cancel();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
            _signal = PosixSignalRegistration.Create((PosixSignal)DrainSignal, context =>
            {
                context.Cancel = true; // SIGUSR1's default action would end the process
                Begin("SIGUSR1");
            });
        _stopping = lifetime.ApplicationStopping.Register(() => Begin("shutting down"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _signal?.Dispose();
        _stopping.Dispose();
    }
}
