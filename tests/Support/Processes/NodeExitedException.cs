namespace MediaPlatform.Testing.Processes;

/// <summary>A node that should be running has exited; carries the end of its output so the failure explains itself.</summary>
public sealed class NodeExitedException(string node, int? exitCode, IEnumerable<string> lastLines)
    : StopWaitingException($"{node} is not running (exit code {exitCode?.ToString() ?? "none"}); last output:\n{string.Join('\n', lastLines)}");
