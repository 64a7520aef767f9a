namespace MediaPlatform.Ctl;

/// <summary>A failure that ends a command with one line on stderr and a specific exit code.</summary>
public sealed class CtlException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
