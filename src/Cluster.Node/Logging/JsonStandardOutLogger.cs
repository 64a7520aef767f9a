using System.Text.Encodings.Web;
using System.Text.Json;
using Akka.Event;

namespace MediaPlatform.Node.Logging;

/// <summary>
/// Akka's fallback logger in <c>--log-format json</c>: what Akka writes to stdout itself — before its loggers start and
/// after they stop during shutdown ("Remoting shut down") — comes out as the same one-object-per-line JSON as
/// <see cref="NodeJsonFormatter"/>, so a log collector never meets a line that is not JSON. Akka creates it by type
/// name (<c>akka.stdout-logger-class</c>), so the node's name is set once at start-up.
/// </summary>
public sealed class JsonStandardOutLogger : MinimalLogger
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string NodeName { get; set; } = "";

    /// <summary>The HOCON that makes Akka use it.</summary>
    public static string Hocon => $"akka.stdout-logger-class = \"{typeof(JsonStandardOutLogger).AssemblyQualifiedName}\"";

    protected override void Log(object message)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            if (message is LogEvent e)
            {
                json.WriteString("time", e.Timestamp.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
                json.WriteString("level", e.LogLevel() switch
                {
                    Akka.Event.LogLevel.DebugLevel => "debug",
                    Akka.Event.LogLevel.InfoLevel => "info",
                    Akka.Event.LogLevel.WarningLevel => "warn",
                    _ => "error",
                });
                json.WriteString("node", NodeName);
                json.WriteString("category", e.LogSource);
                json.WriteString("message", e.Message?.ToString() ?? "");
                if (e.Cause is not null) json.WriteString("exception", e.Cause.ToString());
            }
            else
            {
                json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
                json.WriteString("level", "info");
                json.WriteString("node", NodeName);
                json.WriteString("category", "Akka");
                json.WriteString("message", message?.ToString() ?? "");
            }
            json.WriteEndObject();
        }
        Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
