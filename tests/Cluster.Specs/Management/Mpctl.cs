using System.Diagnostics;

namespace MediaPlatform.Specs.Management;

/// <summary>
/// The built console, `dotnet mpctl.dll ...`, run as a process (Cluster.Specs references its project, so a test
/// build builds it). No MPCTL_* variables are inherited.
/// </summary>
public static class Mpctl
{
    public static string DllPath { get; } = Path.Combine(
        NodeBinary.RepositoryRoot, "src", "Cluster.Console", "bin", NodeBinary.Configuration, "net10.0", "mpctl.dll");

    /// <summary>Runs one command to completion.</summary>
    public static Task<NodeRun> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs one command with these MPCTL_* variables set (e.g. MPCTL_TOKEN_FILE).</summary>
    public static Task<NodeRun> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunCoreAsync("", environment, args);

    /// <summary>Runs mpctl with <paramref name="input"/> as its standard input (the prompt reads piped lines), to completion.</summary>
    public static Task<NodeRun> RunWithInputAsync(string input, params string[] args) => RunCoreAsync(input, null, args);

    private static async Task<NodeRun> RunCoreAsync(string input, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        using var process = Start(args, out var output, environment);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"mpctl {string.Join(' ', args)} did not exit; output:\n{string.Join('\n', output.Lines)}");
        }
        process.WaitForExit(); // drains the redirected streams
        var run = new NodeRun(process.ExitCode, output.StandardOutput, output.StandardError);
        output.Dispose();
        return run;
    }

    /// <summary>Starts a long-running command (cluster tail); the caller watches its output and disposes both.</summary>
    public static Process Start(IEnumerable<string> args, out CapturedOutput output, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(DllPath)) throw new FileNotFoundException($"console not built: {DllPath}");
        var info = new ProcessStartInfo(NodeBinary.DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MPCTL_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        output = new CapturedOutput(logFile: null);
        var process = new Process { StartInfo = info };
        output.Attach(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Describe(NodeRun run) =>
        $"exit {run.ExitCode}\nstdout:\n{string.Join('\n', run.StandardOutput)}\nstderr:\n{string.Join('\n', run.StandardError)}";
}
