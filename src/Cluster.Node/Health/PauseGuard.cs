using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Node.Health;

/// <summary>
/// Notices when this process did not run for a while (SIGSTOP, a frozen VM, a stalled host) and stops it serving
/// before it can act on stale state. The other nodes may down an unreachable member once it has been unreachable for
/// the split-brain resolver's <c>stable-after</c>, and then run its entities and singletons themselves; a node that
/// wakes after such a pause does not learn that it was downed until gossip reaches it, and meanwhile it would answer
/// reads from its old copies and acknowledge writes the cluster then discards. So: a pause of at least
/// <c>stable-after</c> shuts the node down as downed (exit code 4, a supervisor restarts it as a new incarnation), and
/// while the guard itself has not looked at the clock for that long (the moments right after waking), requests are
/// refused with 503 (clients retry on another node). A node that is the cluster's only member cannot have been downed
/// by others, so it carries on. A dedicated thread watches the monotonic clock, which keeps running while the process
/// is stopped.
/// </summary>
public sealed class PauseGuard : IHostedService, IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);

    private readonly IServiceProvider _services;
    private readonly ILogger<PauseGuard> _log;
    private volatile ActorSystem? _system;
    private TimeSpan _maxPause;
    private readonly CancellationTokenSource _stopping = new();
    private long _lastLook = Environment.TickCount64;
    private volatile bool _tripped;
    private Thread? _thread;

    // The actor system is taken when the guard starts: the HTTP pipeline holds the guard before Akka has started.
    public PauseGuard(IServiceProvider services, ILogger<PauseGuard> log)
    {
        _services = services;
        _log = log;
    }

    /// <summary>The longest pause after which this node can still be sure it was not downed.</summary>
    public static TimeSpan MaxPause(Config config) =>
        config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after", TimeSpan.FromSeconds(20));

    /// <summary>False once a long pause was seen, and while the guard has not looked at the clock for as long.</summary>
    public bool MayServe =>
        !_tripped && (_system is null || Environment.TickCount64 - Interlocked.Read(ref _lastLook) < _maxPause.TotalMilliseconds || Alone());

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _system = _services.GetRequiredService<ActorSystem>();
        _maxPause = MaxPause(_system.Settings.Config);
        Interlocked.Exchange(ref _lastLook, Environment.TickCount64);
        _thread = new Thread(Watch) { IsBackground = true, Name = "pause-guard", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>No other member is known: nobody could have downed this node (e.g. a single-node cluster).</summary>
    private bool Alone()
    {
        var cluster = Akka.Cluster.Cluster.Get(_system!);
        return cluster.State.Members.All(m => m.Address == cluster.SelfAddress);
    }

    private void Watch()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var now = Environment.TickCount64;
            var pause = TimeSpan.FromMilliseconds(now - Interlocked.Exchange(ref _lastLook, now));
            if (pause >= _maxPause && !_tripped && !Alone())
            {
                _tripped = true;
                _log.LogError("this node did not run for {Pause:0.0} s (stable-after is {Max:0.0} s): the cluster may have downed it and " +
                              "moved its entities and singletons; it stops serving and shuts down to rejoin as a new member",
                    pause.TotalSeconds, _maxPause.TotalSeconds);
                _ = CoordinatedShutdown.Get(_system!).Run(CoordinatedShutdown.ClusterDowningReason.Instance);
            }
            _stopping.Token.WaitHandle.WaitOne(Tick);
        }
    }
}

/// <summary>Answers 503 to every request but liveness while <see cref="PauseGuard.MayServe"/> is false.</summary>
public static class PauseGuardMiddleware
{
    public static WebApplication UsePauseGuard(this WebApplication app)
    {
        var guard = app.Services.GetRequiredService<PauseGuard>();
        app.Use(async (context, next) =>
        {
            if (guard.MayServe || context.Request.Path.StartsWithSegments("/health/live"))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(title: "Service unavailable", statusCode: 503,
                detail: "this node was paused and may no longer be a member of the cluster; retry on another node").ExecuteAsync(context);
        });
        return app;
    }
}
