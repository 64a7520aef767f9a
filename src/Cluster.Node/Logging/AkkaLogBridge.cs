using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;
using Akka.Hosting.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// Routes Akka's log events into the host's ILoggerFactory with the emitting class as the category and the plain
/// message as the text, so Akka lines read like every other line of the node's log (Akka's own bridge repeats a
/// second timestamp/thread header inside each message).
/// </summary>
public sealed class AkkaLogBridge : ActorBase, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    private readonly ILoggerFactory _factory;
    private readonly Dictionary<string, ILogger> _loggers = [];

    public AkkaLogBridge()
    {
        _factory = Context.System.Settings.Setup.Get<LoggerFactorySetup>().Value?.LoggerFactory
            ?? throw new InvalidOperationException("AkkaLogBridge needs a LoggerFactorySetup");
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(new LoggerInitialized());
                return true;
            case LogEvent e:
                Write(e);
                return true;
            default:
                return false;
        }
    }

    private void Write(LogEvent e)
    {
        var logger = LoggerFor(Category(e));
        var level = e.LogLevel() switch
        {
            Akka.Event.LogLevel.DebugLevel => LogLevel.Debug,
            Akka.Event.LogLevel.InfoLevel => LogLevel.Information,
            Akka.Event.LogLevel.WarningLevel => LogLevel.Warning,
            Akka.Event.LogLevel.ErrorLevel => LogLevel.Error,
            _ => LogLevel.Information,
        };
        var cause = e.Cause;
        // A peer that left or died closes its connection: remoting's supervisor reports that as an error with a
        // stack trace, but membership events already tell the story, so it is logged as one informational line.
        if (cause?.GetType().FullName == "Akka.Remote.EndpointDisassociatedException") // internal to Akka.Remote
        {
            level = LogLevel.Information;
            cause = null;
        }
        if (!logger.IsEnabled(level)) return;
        var text = e.Message?.ToString() ?? "";
        var source = e.LogSource;
        // Actor paths say which actor spoke; class-level sources ("Cluster (akka://media)") add nothing to the category.
        System.Diagnostics.ActivityContext? trace = e.ActivityContext;
        if (trace is { } context && context.TraceId != default)
        {
            // Logged inside a traced span (an entity handling a traced message, a pipeline step): the line carries its ids.
            var line = source is not null && source.StartsWith("akka", StringComparison.Ordinal) ? $"{text} [{source}]" : text;
            logger.Log(level, default, new TracedLogText(line, context.TraceId, context.SpanId), cause, static (t, _) => t.Text);
        }
        else if (source is not null && source.StartsWith("akka", StringComparison.Ordinal))
            logger.Log(level, cause, "{AkkaMessage} [{AkkaSource}]", text, source);
        else
            logger.Log(level, cause, "{AkkaMessage}", text);
    }

    /// <summary>The emitting class; for string sources ("Cluster (akka://media)") the name before the system.</summary>
    private static string Category(LogEvent e)
    {
        if (e.LogClass is { } type && type.Name != "DummyClassForStringSources") return type.FullName ?? type.Name;
        var source = e.LogSource ?? "";
        var cut = source.IndexOf(" (", StringComparison.Ordinal);
        return cut > 0 ? $"Akka.{source[..cut]}" : "Akka";
    }

    private ILogger LoggerFor(string category)
    {
        if (!_loggers.TryGetValue(category, out var logger))
            _loggers[category] = logger = _factory.CreateLogger(category);
        return logger;
    }
}
