using System.Diagnostics;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// A message sent with the W3C trace context of the span that sent it, so the receiving actor's span joins the
/// sender's trace even on another node. Sharding routes it by <see cref="Message"/> (EntityMessageExtractor unwraps
/// it); <see cref="ProtocolSerializer"/> writes it as <c>traceparent</c> (and <c>tracestate</c>) in a header line
/// before the inner message's own bytes. Never stored: entities unwrap it before deciding.
/// Made only while this node records traces (<see cref="Wrap"/>): without --otlp-endpoint messages go bare.
/// </summary>
/// <param name="Context">The sender's span; kept as the struct, so a local delivery formats and parses no text.</param>
public sealed record TracedMessage(object Message, ActivityContext Context)
{
    /// <summary>
    /// <paramref name="message"/> inside an envelope when a recorded span is current and this node traces entities;
    /// otherwise the message itself (no allocation). ASP.NET Core starts an Activity for every request even without
    /// tracing, so a current activity alone is not enough: only a recorded one with a listener on our sources counts.
    /// </summary>
    public static object Wrap(object message) =>
        message is IProtocolMessage && ActivitySources.Entities.HasListeners() && Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current
            ? new TracedMessage(message, current.Context)
            : message;

    /// <summary>The W3C <c>traceparent</c> header value of <see cref="Context"/>.</summary>
    public string TraceParent() =>
        $"00-{Context.TraceId.ToHexString()}-{Context.SpanId.ToHexString()}-{(Context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";

    /// <summary>The envelope read back from its header values; a header that does not parse gives a default context (a new trace).</summary>
    public static TracedMessage From(object message, string traceParent, string? traceState) =>
        new(message, ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var context) ? context : default);
}
