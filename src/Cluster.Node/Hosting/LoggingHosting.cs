using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Logging;

namespace MediaPlatform.Node.Hosting;

/// <summary>One logger for the host, ASP.NET Core and Akka (Akka's log events are routed into it).</summary>
public static class LoggingHosting
{
    public static WebApplicationBuilder AddNodeLogging(this WebApplicationBuilder builder, NodeOptions options)
    {
        var level = Enum.Parse<LogLevel>(options.LogLevel);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(level);
        // Routine per-request lines from ASP.NET Core drown the cluster's own story at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // Data protection keys are not used (tokens are HMAC-signed with --token-key); its start-up warning is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // --log-format: text lines for people (default) or one JSON object per line for a log collector.
        builder.Logging.AddConsole(o => o.FormatterName = options.LogFormat == NodeLogFormat.Json
            ? NodeJsonFormatter.FormatterName
            : NodeConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<NodeConsoleFormatter, NodeConsoleFormatterOptions>(o => o.NodeName = options.NodeName);
        builder.Logging.AddConsoleFormatter<NodeJsonFormatter, NodeConsoleFormatterOptions>(o => o.NodeName = options.NodeName);
        JsonStandardOutLogger.NodeName = options.NodeName;
        return builder;
    }
}
