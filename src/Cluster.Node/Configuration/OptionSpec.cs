namespace MediaPlatform.Node.Configuration;

/// <summary>One command-line flag, the environment variable that can set it instead, and its default.</summary>
/// <param name="Flag">Long flag, e.g. "--http-port".</param>
/// <param name="EnvVar">Environment variable, e.g. "NODE_HTTP_PORT"; the flag wins when both are given.</param>
/// <param name="Default">Default as shown in --help; null when there is none.</param>
/// <param name="Help">One line for --help.</param>
/// <param name="IsSwitch">A flag that takes no value (--help).</param>
public sealed record OptionSpec(string Flag, string EnvVar, string? Default, string Help, bool IsSwitch = false);
