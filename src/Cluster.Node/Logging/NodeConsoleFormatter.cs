using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// One line per entry, each naming the node, so the logs of several local nodes can be merged and still read:
/// <c>14:03:07.123 INF [127.0.0.1-4053] Akka.Cluster.Cluster: Member Up ...</c>. Exceptions follow on their own lines.
/// </summary>
public sealed class NodeConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "node";
    private readonly string _node;

    public NodeConsoleFormatter(IOptionsMonitor<NodeConsoleFormatterOptions> options) : base(FormatterName)
    {
        _node = options.CurrentValue.NodeName;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null) return;
        textWriter.Write(DateTime.UtcNow.ToString("HH:mm:ss.fff"));
        textWriter.Write(' ');
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(" [");
        textWriter.Write(_node);
        textWriter.Write("] ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.WriteLine(message);
        if (logEntry.Exception is not null) textWriter.WriteLine(logEntry.Exception.ToString());
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Critical => "CRT",
        _ => "---",
    };
}

public sealed class NodeConsoleFormatterOptions : ConsoleFormatterOptions
{
    public string NodeName { get; set; } = "node";
}
