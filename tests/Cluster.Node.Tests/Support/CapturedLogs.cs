using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>A logger provider that keeps every entry a node's logger factory lets through (after its level filters).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Starts capturing what <paramref name="node"/> logs from now on.</summary>
    public static CapturedLogs On(IServiceProvider node)
    {
        var logs = new CapturedLogs();
        ((ILoggerFactory)node.GetService(typeof(ILoggerFactory))!).AddProvider(logs);
        return logs;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
