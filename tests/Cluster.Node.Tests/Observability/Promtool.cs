using System.Diagnostics;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>Prometheus's own checker (Debian package prometheus; scripts/setup.sh prometheus installs it).</summary>
public static class Promtool
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string workingDirectory, string? standardInput, params string[] args)
    {
        var info = new ProcessStartInfo("promtool")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("promtool did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"promtool is not installed ({e.Message}); run scripts/setup.sh prometheus", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput);
                process.StandardInput.Close();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            return new Result(process.ExitCode, await stdout + await stderr);
        }
    }
}
