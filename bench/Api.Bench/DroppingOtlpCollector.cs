using System.Net;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// An OTLP/HTTP endpoint that accepts every export and drops it: the nodes pay the full cost of recording, batching,
/// encoding and sending their spans, and nothing measures a collector's own speed.
/// </summary>
public sealed class DroppingOtlpCollector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private long _exports;

    public Uri Endpoint { get; }
    public long Exports => Interlocked.Read(ref _exports);

    public DroppingOtlpCollector()
    {
        var port = FreePorts.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref _exports);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try { await _loop; } catch (Exception) { /* stopping */ }
        _listener.Close();
    }
}
