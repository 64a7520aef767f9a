using System.Diagnostics;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// A throwaway PostgreSQL server started with the repository's scripts/postgres.sh, for when TEST_POSTGRES is not set.
/// Stopped on dispose, and also at process exit so an interrupted run does not leave it running.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _script;
    private readonly TempDirectory _dir;
    private int _stopped;

    private PostgresServer(string script, TempDirectory dir, string connectionString)
    {
        _script = script;
        _dir = dir;
        ConnectionString = connectionString;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
    }

    public string ConnectionString { get; }

    public static async Task<PostgresServer> StartAsync(string repoRoot)
    {
        var script = Path.Combine(repoRoot, "scripts", "postgres.sh");
        var dir = new TempDirectory("journal-bench-pg");
        var output = await RunScriptAsync(script, "start", dir.Path);
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()
            ?? throw new InvalidOperationException("scripts/postgres.sh start printed no connection string");
        return new PostgresServer(script, dir, connectionString);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
            return;
        RunScriptAsync(_script, "stop", _dir.Path).GetAwaiter().GetResult();
        _dir.Dispose();
    }

    private static async Task<string> RunScriptAsync(string script, string command, string dir)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, command, dir })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/postgres.sh {command} failed: {(await stderr).Trim()}");
        return await stdout;
    }
}
