using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Node.Health;

/// <summary>
/// Stops a node that did not run for <c>stable-after</c> or longer (it may have been downed meanwhile) from serving stale
/// state: 503 right after waking, then exit 4 as downed. Why and how: docs/architecture.md#a-paused-node-pauseguard.
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
