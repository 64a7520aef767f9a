namespace MediaPlatform.Node.Edge;

/// <summary>
/// The port a load balancer sends requests to (--edge-port): open only from the moment this node is first ready
/// until it starts draining. A balancer's connection to it is then either accepted by a node that serves it or refused
/// outright — and a refused connection carried no request, so the balancer may send any request, a POST without an
/// Idempotency-Key too, to another node. The balancer needs no reload to take a node out or put it back: passive
/// health (a refused connect is a failure) does both, and a reload is what would close its clients' idle keep-alive
/// connections under a request they are sending.
/// </summary>
public sealed class EdgePort(int port)
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closed = new();
    private readonly Lock _gate = new();

    public int Port { get; } = port;

    /// <summary>Completes when the port opens; never, when it closed first.</summary>
    public Task Opened => _opened.Task;

    /// <summary>Cancelled when the port closes for good (draining).</summary>
    public CancellationToken Closed => _closed.Token;

    public bool IsOpen => _opened.Task.IsCompleted && !_closed.IsCancellationRequested;

    /// <summary>Opens the port, unless it was closed already: a draining node never opens it.</summary>
    public bool Open()
    {
        lock (_gate)
        {
            if (_closed.IsCancellationRequested) return false;
            return _opened.TrySetResult();
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            if (!_closed.IsCancellationRequested) _closed.Cancel();
        }
    }
}
