using System.Diagnostics;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// An Akka log line with the trace context it was logged in. Akka captures <see cref="Activity.Current"/> when a log
/// event is created (LogEvent.ActivityContext), but the line is written later by the logger actor, where no span is
/// current: the formatters read the ids from here instead.
/// </summary>
public sealed record TracedLogText(string Text, ActivityTraceId TraceId, ActivitySpanId SpanId)
{
    public override string ToString() => Text;
}
