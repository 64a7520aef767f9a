using System.Diagnostics;
using System.Text.Json;
using Akka.Event;
using MediaPlatform.Node.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// Akka log lines written inside a traced span carry its trace and span ids in the JSON log, although the logger
/// actor writes them later on a thread where no span is current.
/// </summary>
public sealed class AkkaLogTraceSpecs : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void An_akka_log_event_keeps_the_trace_context_it_was_logged_in()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Info));
        using var span = new Activity("handling").SetIdFormat(ActivityIdFormat.W3C).Start();
        Sys.Log.Info("inside the span");
        span.Stop();

        var logged = FishForMessage<Info>(i => i.Message?.ToString() == "inside the span");
        Assert.Equal(span.TraceId, logged.ActivityContext?.TraceId);
        Assert.Equal(span.SpanId, logged.ActivityContext?.SpanId);
    }

    [Fact]
    public void A_json_log_line_of_a_traced_akka_event_carries_its_trace_and_span_ids()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spanId = ActivitySpanId.CreateRandom();
        var formatter = new NodeJsonFormatter(new FixedOptions(new NodeConsoleFormatterOptions { NodeName = "node-a" }));
        var entry = new Microsoft.Extensions.Logging.Abstractions.LogEntry<TracedLogText>(Microsoft.Extensions.Logging.LogLevel.Information, "Akka.Actor", default,
            new TracedLogText("title t-1: probing", traceId, spanId), null, static (t, _) => t.Text);
        using var text = new StringWriter();
        Assert.Null(Activity.Current); // nothing current where the logger actor writes
        formatter.Write(entry, null, text);

        using var json = JsonDocument.Parse(text.ToString());
        Assert.Equal("title t-1: probing", json.RootElement.GetProperty("message").GetString());
        Assert.Equal(traceId.ToHexString(), json.RootElement.GetProperty("trace_id").GetString());
        Assert.Equal(spanId.ToHexString(), json.RootElement.GetProperty("span_id").GetString());
    }

    private sealed class FixedOptions(NodeConsoleFormatterOptions value) : IOptionsMonitor<NodeConsoleFormatterOptions>
    {
        public NodeConsoleFormatterOptions CurrentValue => value;
        public NodeConsoleFormatterOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<NodeConsoleFormatterOptions, string?> listener) => null;
    }
}
