using System.Collections.Concurrent;
using System.Diagnostics;

namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// Starts ffmpeg and ffprobe so they die with the node, also when it is SIGKILLed: through util-linux's
/// <c>setpriv --pdeathsig KILL</c>, which asks the kernel to kill the child when its parent goes (kept across exec).
/// The kernel's "parent" is the <em>thread</em> that forked the child, so every child is started from one dedicated
/// thread that lives as long as the process; a thread-pool thread could retire mid-encode and take the encode with it.
/// Without setpriv (not Linux, or util-linux missing) children start directly and can outlive a killed node.
/// </summary>
public static class ChildProcessLauncher
{
    private const string SetPriv = "/usr/bin/setpriv";
    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Requests = new();
    private static readonly Lazy<Thread> Starter = new(() =>
    {
        var thread = new Thread(StartRequested) { IsBackground = true, Name = "child-process-starter" };
        thread.Start();
        return thread;
    });

    /// <summary>Whether children started here die with this process.</summary>
    public static bool DiesWithParent { get; } = OperatingSystem.IsLinux() && File.Exists(SetPriv);

    /// <summary>The start info that runs <paramref name="fileName"/> with <paramref name="arguments"/> under the death signal.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(DiesWithParent ? SetPriv : fileName);
        if (DiesWithParent) foreach (var a in new[] { "--pdeathsig", "KILL", "--", fileName }) psi.ArgumentList.Add(a);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Starts the process on the starter thread; faults as <see cref="Process.Start()"/> would.</summary>
    public static Task StartAsync(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Starter.Value;
        Requests.Add((process, started));
        return started.Task;
    }

    private static void StartRequested()
    {
        foreach (var (process, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
