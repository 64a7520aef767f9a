namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// One read of the local replica shared by every request that arrived before it started: a request joins the next read
/// to start, never one already under way, so it always sees the replica as it was at its arrival or later (a revocation
/// written before the request came is seen, as with a read of its own), while N concurrent requests cost one
/// replicator ask instead of N — at most one read is in flight.
/// </summary>
public sealed class SharedReplicaRead<T>(Func<Task<T>> read)
{
    private readonly object _gate = new();
    private TaskCompletionSource<T>? _next; // the requests waiting for the next read to start
    private bool _reading;

    public Task<T> ReadAsync(CancellationToken ct)
    {
        TaskCompletionSource<T> mine;
        var start = false;
        lock (_gate)
        {
            mine = _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading)
            {
                _reading = true;
                _next = null;
                start = true;
            }
        }
        if (start) _ = ReadForAsync(mine);
        return mine.Task.WaitAsync(ct);
    }

    private async Task ReadForAsync(TaskCompletionSource<T> waiting)
    {
        while (true)
        {
            try { waiting.SetResult(await read()); }
            catch (Exception e) { waiting.SetException(e); }
            lock (_gate)
            {
                // Requests that came during that read wait for one that starts now.
                if (_next is null)
                {
                    _reading = false;
                    return;
                }
                waiting = _next;
                _next = null;
            }
        }
    }
}
