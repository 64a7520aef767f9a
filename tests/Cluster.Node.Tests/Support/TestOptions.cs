using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>Parses node options the way the binary does, from flags and an explicit environment.</summary>
public static class TestOptions
{
    public static NodeOptions Parse(string[] args, Dictionary<string, string?>? environment = null) =>
        NodeOptionsParser.Parse(args, environment ?? new Dictionary<string, string?>(), AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("--help was parsed");

    /// <summary>A node on free loopback ports with its own temp data directory.</summary>
    public static NodeOptions LocalNode(string dataDirectory, params string[] extraArgs) => Parse(
    [
        "--http-port", FreePorts.Next().ToString(), "--remote-port", FreePorts.Next().ToString(),
        "--data-dir", dataDirectory, .. extraArgs,
    ]);
}
