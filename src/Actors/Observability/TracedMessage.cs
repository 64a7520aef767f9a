using System.Diagnostics;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// A message sent with the W3C trace context of the span that sent it (<c>traceparent</c>, <c>tracestate</c>), so
/// the receiving actor's span joins the sender's trace even on another node. Sharding routes it by
/// <see cref="Message"/> (EntityMessageExtractor unwraps it); <see cref="ProtocolSerializer"/> writes it as the inner
/// message's bytes behind a one-line header. Never stored: entities unwrap it before deciding.
/// Made only while this node records traces (<see cref="Wrap"/>): without --otlp-endpoint messages go bare.
/// </summary>
public sealed record TracedMessage(object Message, string TraceParent, string? TraceState)
{
    /// <summary>
    /// <paramref name="message"/> inside an envelope when a recorded span is current and this node traces entities;
    /// otherwise the message itself (no allocation). ASP.NET Core starts an Activity for every request even without
    /// tracing, so a current activity alone is not enough: only a recorded one with a listener on our sources counts.
    /// </summary>
    public static object Wrap(object message) =>
        message is IProtocolMessage && ActivitySources.Entities.HasListeners() && Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } current
            ? new TracedMessage(message, current.Id!, current.TraceStateString)
            : message;

    /// <summary>The sender's span context; default when the header does not parse (a span then starts a new trace).</summary>
    public ActivityContext Context() =>
        ActivityContext.TryParse(TraceParent, TraceState, isRemote: true, out var context) ? context : default;
}
