namespace MediaPlatform.Testing.Processes;

/// <summary>A finished run of the node binary: exit code and what it wrote, line by line.</summary>
public sealed record NodeRun(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError);
