using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// One JSON object per line, for log collectors (Loki, Elasticsearch, CloudWatch):
/// <c>{"time":"2026-12-07T01:02:03.456Z","level":"info","node":"127.0.0.1-4053","category":"Akka.Cluster.Cluster","message":"…"}</c>
/// plus <c>exception</c> (the whole text, stack included) when there is one and <c>trace_id</c>/<c>span_id</c> when an
/// Activity is current — or, for Akka's lines, was current where the line was logged (<see cref="TracedLogText"/>). A message's newlines are escaped, so an entry never spans two lines.
/// </summary>
public sealed class NodeJsonFormatter : ConsoleFormatter
{
    public const string FormatterName = "node-json";

    // Log text is not HTML: keep quotes, '<' and non-ASCII readable instead of \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _node;

    public NodeJsonFormatter(IOptionsMonitor<NodeConsoleFormatterOptions> options) : base(FormatterName)
    {
        _node = options.CurrentValue.NodeName;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            json.WriteString("level", Level(logEntry.LogLevel));
            json.WriteString("node", _node);
            json.WriteString("category", logEntry.Category);
            json.WriteString("message", message ?? "");
            if (logEntry.Exception is not null) json.WriteString("exception", logEntry.Exception.ToString());
            if (logEntry.State is TracedLogText traced)
            {
                json.WriteString("trace_id", traced.TraceId.ToHexString());
                json.WriteString("span_id", traced.SpanId.ToHexString());
            }
            else if (Activity.Current is { } activity && activity.IdFormat == ActivityIdFormat.W3C)
            {
                json.WriteString("trace_id", activity.TraceId.ToHexString());
                json.WriteString("span_id", activity.SpanId.ToHexString());
            }
            json.WriteEndObject();
        }
        textWriter.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
