using System.Diagnostics;

namespace MediaPlatform.Specs.Support.Processes;

/// <summary>
/// The real node executable, as built next to this test assembly (the test project references Cluster.Node, so a
/// test build builds it in the same configuration).
/// </summary>
public static class NodeBinary
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string DllPath { get; } =
        Path.Combine(RepositoryRoot, "src", "Cluster.Node", "bin", Configuration, "net10.0", "Cluster.Node.dll");

    /// <summary>`dotnet Cluster.Node.dll args...` with output redirected and no NODE_* variables inherited.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string workingDirectory)
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException($"node binary not built: {DllPath} (build tests/Cluster.Specs in {Configuration})");
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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

    // The CLI tells child processes which host runs them; fall back to PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no Cluster.sln above {AppContext.BaseDirectory}");
    }
}
