namespace MediaPlatform.Node.Logging;

/// <summary>How the node writes its log to stdout (--log-format).</summary>
public enum NodeLogFormat
{
    /// <summary>One line per entry for people (<see cref="NodeConsoleFormatter"/>); the default.</summary>
    Text,

    /// <summary>One JSON object per line for log collectors (<see cref="NodeJsonFormatter"/>).</summary>
    Json,
}
