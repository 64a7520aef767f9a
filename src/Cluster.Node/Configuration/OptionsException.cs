namespace MediaPlatform.Node.Configuration;

/// <summary>Bad configuration: the node prints the message as one line on stderr and exits non-zero.</summary>
public sealed class OptionsException(string message) : Exception(message);
