using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// A client's way of sending one command: the same Idempotency-Key on every attempt; on no answer, a time-out or a
/// 5xx, the next attempt goes to the next node after a short back-off, until the deadline. A 2xx or 4xx is final.
/// </summary>
public sealed class RetryingSender(IReadOnlyList<NodeApi> nodes, int firstNode, TimeSpan deadline)
{
    private int _next = firstNode;

    public sealed record Result(NodeApi.Reply? Reply, int Attempts, int ServerErrors, string? LastError)
    {
        public bool Acked => Reply is { } r && (int)r.Status is >= 200 and < 300;
    }

    public async Task<Result> SendAsync(HttpMethod method, string path, string token, object? body, string key)
    {
        var (attempts, serverErrors, backoff) = (0, 0, TimeSpan.FromMilliseconds(200));
        string? lastError = null;
        using var giveUp = new CancellationTokenSource(deadline);
        while (true)
        {
            var node = nodes[_next % nodes.Count];
            attempts++;
            try
            {
                var reply = await node.SendAsync(method, path, token, body, key);
                if ((int)reply.Status < 500) return new Result(reply, attempts, serverErrors, lastError);
                serverErrors++;
                lastError = $"{node.Node.Name}: {(int)reply.Status} {Shorten(reply.Body)}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastError = $"{node.Node.Name}: {e.GetType().Name} {Shorten(e.Message)}";
            }
            _next++; // this node failed us: rotate
            if (giveUp.IsCancellationRequested) return new Result(null, attempts, serverErrors, lastError);
            try { await Task.Delay(backoff, giveUp.Token); }
            catch (TaskCanceledException) { return new Result(null, attempts, serverErrors, lastError); }
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
