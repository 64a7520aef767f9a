using System.Diagnostics;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// The real node executable as built in src/Cluster.Node (every project using this harness references Cluster.Node,
/// so building it builds the node in the same configuration), or the one <see cref="DllVariable"/> names (a published
/// node, e.g. ReadyToRun, to measure against the build output).
/// </summary>
public static class NodeBinary
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Environment variable: the path of another Cluster.Node.dll to start instead of the build output.</summary>
    public const string DllVariable = "MEDIA_PLATFORM_NODE_DLL";

    public static string DllPath { get; } =
        Environment.GetEnvironmentVariable(DllVariable) is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : Path.Combine(RepositoryRoot, "src", "Cluster.Node", "bin", Configuration, "net10.0", "Cluster.Node.dll");

    /// <summary>`dotnet Cluster.Node.dll args...` with output redirected and no NODE_* variables inherited; with
    /// <paramref name="core"/>, run by `taskset -c core` so the node uses that CPU core only.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDirectory, int? core = null)
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException($"node binary not built: {DllPath} (build the solution in {Configuration}, or unset {DllVariable})");
        var info = new ProcessStartInfo(core is null ? DotnetHost() : "taskset")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (core is { } pinned)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(pinned.ToString());
            info.ArgumentList.Add(DotnetHost());
        }
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // A NODE_* variable in the developer's shell would silently change what the spec starts.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("NODE_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        return info;
    }

    /// <summary>Runs the binary to completion (for runs that are expected to end by themselves).</summary>
    public static async Task<NodeRun> RunToExitAsync(IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        using var output = new CapturedOutput(logFile: null);
        using var process = new Process { StartInfo = StartInfo(args, workingDirectory) };
        output.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"node did not exit within {timeout.TotalSeconds:0} s; output:\n{string.Join('\n', output.Lines)}");
        }
        process.WaitForExit(); // drains the redirected streams
        return new NodeRun(process.ExitCode, output.StandardOutput, output.StandardError);
    }

    /// <summary>The dotnet host: the CLI tells child processes which host runs them; fall back to PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Cluster.sln above {AppContext.BaseDirectory}");
    }
}
