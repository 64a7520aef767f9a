using System.Diagnostics;

namespace MediaPlatform.Testing.Processes;

/// <summary>
/// Sends a POSIX signal through the `kill` command: .NET can only send SIGKILL itself (Process.Kill), and the
/// command avoids guessing libc's file name.
/// </summary>
public static class PosixSignal
{
    public static void Send(int pid, string signal)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add($"-{signal}");
        info.ArgumentList.Add(pid.ToString());
        using var kill = Process.Start(info) ?? throw new InvalidOperationException("could not run kill");
        var error = kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -{signal} {pid} failed ({kill.ExitCode}): {error.Trim()}");
    }
}
