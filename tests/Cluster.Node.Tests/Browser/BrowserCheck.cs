using System.Diagnostics;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>
/// Runs tests/Browser/play-title.mjs (headless Debian Chromium driven by playwright-core) against a node and reads its
/// one-line JSON result. Missing prerequisites fail the test with what to install: never a skip, since
/// scripts/test.sh installs them (scripts/setup.sh node chromium).
/// </summary>
public static class BrowserCheck
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public sealed record Outcome(int ExitCode, JsonElement? Result, string Stdout, string Stderr)
    {
        public bool Passed => ExitCode == 0 && Result is { } r && r.GetProperty("ok").GetBoolean();

        public override string ToString() => $"exit {ExitCode}; result: {Stdout.Trim()}; stderr: {Stderr.Trim()}";
    }

    /// <param name="options">More play-title.mjs options (--subtitles LANG, --switch-quality, --pending ID).</param>
    /// <param name="token">A viewer's session token, set as the page's session cookie (environment, never its command line).</param>
    /// <param name="screenshotName">On failure the page is saved as this PNG under <see cref="ScreenshotFolder"/>.</param>
    public static async Task<Outcome> PlayAsync(Uri nodeBaseUrl, string titleId, TimeSpan timeout, string[]? options = null, string? screenshotName = null, string? token = null)
    {
        var scriptDir = Path.Combine(RepoRoot(), "tests", "Browser");
        var node = Prerequisite("node", FindOnPath("node"));
        Prerequisite("chromium", Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } custom ? custom : "/usr/bin/chromium");
        await EnsurePackagesAsync(scriptDir);

        List<string> args = ["play-title.mjs", nodeBaseUrl.ToString(), titleId, "--timeout-ms", ((long)timeout.TotalMilliseconds).ToString(), .. options ?? []];
        if (screenshotName is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            args.AddRange(["--screenshot", Path.Combine(ScreenshotFolder, screenshotName + ".png")]);
        }
        var (exit, stdout, stderr) = await RunAsync(node, scriptDir, timeout + TimeSpan.FromSeconds(30), [.. args], token);
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return new Outcome(exit, last is null ? null : JsonDocument.Parse(last).RootElement.Clone(), stdout, stderr);
    }

    /// <summary>The test output folder's place for pages that failed a check (kept for a person to look at).</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "browser-failures");

    /// <summary>The test output folder's place for pages a spec always keeps, pass or fail (e.g. the ops page).</summary>
    public static string KeptScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "browser-screenshots");

    /// <summary>
    /// Runs another script of tests/Browser (e.g. app-flows.mjs) with <paramref name="args"/> and reads its one-line
    /// JSON result; <paramref name="timeout"/> bounds the whole run.
    /// </summary>
    public static Task<Outcome> RunScriptAsync(string script, TimeSpan timeout, params string[] args) =>
        RunScriptAsync(script, timeout, new Dictionary<string, string>(), args);

    /// <param name="environment">Variables for the script (secrets such as a token go here, never on its command line).</param>
    public static async Task<Outcome> RunScriptAsync(string script, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var scriptDir = Path.Combine(RepoRoot(), "tests", "Browser");
        var node = Prerequisite("node", FindOnPath("node"));
        Prerequisite("chromium", Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } custom ? custom : "/usr/bin/chromium");
        await EnsurePackagesAsync(scriptDir);
        var (exit, stdout, stderr) = await RunAsync(node, scriptDir, timeout, [script, .. args], environment: environment);
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return new Outcome(exit, last is null ? null : JsonDocument.Parse(last).RootElement.Clone(), stdout, stderr);
    }

    /// <summary>playwright-core from tests/Browser's lock file, installed once per checkout.</summary>
    private static async Task EnsurePackagesAsync(string scriptDir)
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(scriptDir, "node_modules", "playwright-core"))) return;
            var npm = Prerequisite("npm", FindOnPath("npm"));
            var (exit, stdout, stderr) = await RunAsync(npm, scriptDir, TimeSpan.FromMinutes(5), ["ci", "--prefer-offline", "--no-audit", "--no-fund"]);
            Assert.True(exit == 0, $"npm ci in {scriptDir} failed ({exit}): {stdout} {stderr}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static string Prerequisite(string name, string? path)
    {
        Assert.True(path is not null && File.Exists(path),
            $"{name} is needed for the browser playback check and was not found{(path is null ? " on PATH" : $" at {path}")}: run scripts/setup.sh node chromium");
        return path!;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string program, string workDir, TimeSpan timeout, string[] args, string? token = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        if (token is not null) psi.Environment["PLAYER_SESSION"] = token;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // the browser with it
            await process.WaitForExitAsync();
            return (-1, await stdout, $"{Path.GetFileName(program)} {string.Join(' ', args)} did not finish within {timeout}. {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cluster.sln not found above the test binaries");
    }
}
