using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// A collector's OTLP/HTTP trace intake on a free loopback port: it keeps every export's body (protobuf, in which
/// span names, attribute values and scope names are plain UTF-8) and answers 200 as a collector does.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<byte[]> _exports = new();

    private OtlpReceiver(WebApplication app, int port) => (_app, Port) = (app, port);

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public int ExportCount => _exports.Count;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var port = FreePorts.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app, port);
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._exports.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Whether some export contains the text (a span name, attribute value or instrumentation scope).</summary>
    public bool Received(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _exports.Any(e => e.AsSpan().IndexOf(bytes) >= 0);
    }

    /// <summary>Every span received so far (a span exported by several in-process nodes appears once per node).</summary>
    public IReadOnlyList<OtlpSpan> Spans() => _exports.SelectMany(OtlpSpan.Parse).DistinctBy(s => s.SpanId).ToList();

    /// <summary>The spans of one trace.</summary>
    public IReadOnlyList<OtlpSpan> Trace(string traceId) => Spans().Where(s => s.TraceId == traceId).ToList();

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
