using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Management;

/// <summary>The mpctl console, run as a process against a real 3-process cluster.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class ConsoleSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Dead_target_and_unknown_command_fail_with_one_line_and_non_zero_exit()
    {
        var closedPort = FreePorts.Next();
        var dead = await Mpctl.RunAsync("--host", $"127.0.0.1:{closedPort}", "cluster", "show");
        Assert.True(dead.ExitCode == 3, Mpctl.Describe(dead));
        var line = Assert.Single(dead.StandardError);
        Assert.StartsWith($"error: cannot reach node at 127.0.0.1:{closedPort}: ", line);

        var unknown = await Mpctl.RunAsync("cluster", "frobnicate");
        Assert.True(unknown.ExitCode == 2, Mpctl.Describe(unknown));
        Assert.Contains("unknown command 'cluster frobnicate'", Assert.Single(unknown.StandardError));
        Assert.Contains(unknown.StandardOutput, l => l.Contains("cluster show"));

        var help = await Mpctl.RunAsync("help");
        Assert.True(help.ExitCode == 0, Mpctl.Describe(help));
        Assert.Contains(help.StandardOutput, l => l.Contains("cluster down-unreachable"));
        Assert.Contains(help.StandardOutput, l => l.Contains("reports billing"));
        Assert.Contains(help.StandardOutput, l => l.Contains("events <tag>"));
        var oneDate = await Mpctl.RunAsync("--host", $"127.0.0.1:{closedPort}", "reports", "billing", "2026-01-01");
        Assert.True(oneDate.ExitCode == 2, Mpctl.Describe(oneDate));
        Assert.Contains("expected two dates", Assert.Single(oneDate.StandardError));

        var badOption = await Mpctl.RunAsync("--bogus", "cluster", "show");
        Assert.True(badOption.ExitCode == 2, Mpctl.Describe(badOption));
        Assert.Single(badOption.StandardError);

        var missingTokenFile = await Mpctl.RunWithEnvironmentAsync(
            new Dictionary<string, string> { ["MPCTL_TOKEN_FILE"] = Path.Combine(Path.GetTempPath(), $"no-token-{Guid.NewGuid():N}") }, "cluster", "show");
        Assert.True(missingTokenFile.ExitCode == 2, Mpctl.Describe(missingTokenFile));
        Assert.Contains("MPCTL_TOKEN_FILE", Assert.Single(missingTokenFile.StandardError));
    }

    [Fact]
    public async Task Console_shows_tails_leaves_and_downs_unreachable_members()
    {
        var (cluster, config) = await ManagementCluster.StartAsync(output, mutations: true);
        await using var _ = cluster;
        using var __ = config;
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var addresses = await ManagementCluster.AddressesAsync(cluster);
        var (observer, crashed, leaver) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        string[] host = ["--host", observer.ContactPoint];
        string[] admin = [.. host, "--token-file", cluster.AdminTokenFile];

        // Without the admin token even a read is refused, and the message says what to pass.
        var anonymousShow = await Mpctl.RunAsync([.. host, "cluster", "show"]);
        Assert.True(anonymousShow.ExitCode == 4, Mpctl.Describe(anonymousShow));
        Assert.Contains("admin token", Assert.Single(anonymousShow.StandardError));

        // cluster show: a table of 3 Up members and a count line; --json is the node's JSON.
        var show = await Mpctl.RunAsync([.. admin, "cluster", "show"]);
        Assert.True(show.ExitCode == 0, Mpctl.Describe(show));
        output.WriteLine(string.Join('\n', show.StandardOutput));
        Assert.StartsWith("address", show.StandardOutput[0]);
        foreach (var address in addresses.Values)
            Assert.Contains(show.StandardOutput, l => l.StartsWith(address, StringComparison.Ordinal) && l.Contains("| Up ") && l.Contains("| Reachable "));
        Assert.Contains(show.StandardOutput, l => l.StartsWith("3 member(s), 3 up, 0 unreachable"));
        var json = await Mpctl.RunAsync([.. admin, "--json", "cluster", "show"]);
        Assert.True(json.ExitCode == 0, Mpctl.Describe(json));
        using (var doc = JsonDocument.Parse(string.Join('\n', json.StandardOutput)))
            Assert.Equal(3, doc.RootElement.GetProperty("members").GetArrayLength());

        // The read commands answer; an unknown region is the node's 404 detail on one line.
        foreach (var command in new[] { "cluster leader", "cluster sharding regions", "cluster sharding region-stats user",
                     "cluster singletons", "remote associations", "actor hierarchy", "encodes", "scheduler jobs" })
        {
            var run = await Mpctl.RunAsync([.. admin, .. command.Split(' ')]);
            Assert.True(run.ExitCode == 0, $"{command}: {Mpctl.Describe(run)}");
            Assert.Empty(run.StandardError);
        }
        var noRegion = await Mpctl.RunAsync([.. admin, "cluster", "sharding", "region-stats", "nope"]);
        Assert.True(noRegion.ExitCode == 1, Mpctl.Describe(noRegion));
        Assert.Contains("no shard region 'nope'", Assert.Single(noRegion.StandardError));

        // No command: the prompt runs piped lines one by one until `exit`.
        var prompt = await Mpctl.RunWithInputAsync("cluster leader\nno such command\ncluster singletons\nexit\ncluster show\n", admin);
        Assert.True(prompt.ExitCode == 0, Mpctl.Describe(prompt));
        Assert.Contains(prompt.StandardOutput, l => l.StartsWith("leader: akka.tcp://media@"));
        Assert.Contains(prompt.StandardOutput, l => l.StartsWith("oldest member: "));
        Assert.DoesNotContain(prompt.StandardOutput, l => l.StartsWith("address "));
        Assert.Contains("unknown command 'no such command'", Assert.Single(prompt.StandardError));

        // The scheduler: a table of jobs; trigger/pause/resume need the token; an unknown job is the node's 404 detail.
        var jobs = await Mpctl.RunAsync([.. admin, "scheduler", "jobs"]);
        Assert.Contains(jobs.StandardOutput, l => l.StartsWith("billing-cycle ", StringComparison.Ordinal) && l.Contains("daily at 00:00 UTC"));
        var untokened = await Mpctl.RunAsync([.. host, "scheduler", "trigger", "coupon-expiry"]);
        Assert.True(untokened.ExitCode == 4, Mpctl.Describe(untokened));
        var triggered = await Mpctl.RunAsync([.. admin, "scheduler", "trigger", "coupon-expiry"]);
        Assert.True(triggered.ExitCode == 0, Mpctl.Describe(triggered));
        Assert.StartsWith("started run coupon-expiry@manual-1", Assert.Single(triggered.StandardOutput));
        var paused = await Mpctl.RunAsync([.. admin, "scheduler", "pause", "email-hold-sweep"]);
        Assert.StartsWith("email-hold-sweep is paused", Assert.Single(paused.StandardOutput));
        Assert.Contains((await Mpctl.RunAsync([.. admin, "scheduler", "jobs"])).StandardOutput,
            l => l.StartsWith("email-hold-sweep ", StringComparison.Ordinal) && l.Contains("| paused "));
        Assert.StartsWith("email-hold-sweep is active", Assert.Single((await Mpctl.RunAsync([.. admin, "scheduler", "resume", "email-hold-sweep"])).StandardOutput));
        var noJob = await Mpctl.RunAsync([.. admin, "scheduler", "trigger", "nope"]);
        Assert.True(noJob.ExitCode == 1, Mpctl.Describe(noJob));
        Assert.Contains("no job 'nope'", Assert.Single(noJob.StandardError));

        // Without the token a mutation is refused (exit 4, one line).
        var refused = await Mpctl.RunAsync([.. host, "cluster", "leave", addresses[leaver]]);
        Assert.True(refused.ExitCode == 4, Mpctl.Describe(refused));
        Assert.StartsWith("error: refused (401)", Assert.Single(refused.StandardError));

        // cluster tail prints the leave as it happens; cluster leave makes the member Removed (its process exits 0).
        using var tail = Mpctl.Start([.. admin, "cluster", "tail", "--count", "1"], out var tailOutput);
        using var ___ = tailOutput;
        await Eventually.AwaitAsync(() => Task.FromResult(tailOutput.StandardOutput.Any(l => l.Contains("snapshot: 3 member(s)"))),
            TimeSpan.FromSeconds(30), "tail to print the snapshot");
        var leave = await Mpctl.RunAsync([.. admin, "cluster", "leave", addresses[leaver]]);
        Assert.True(leave.ExitCode == 0, Mpctl.Describe(leave));
        Assert.Contains($"Leaving {addresses[leaver]}", Assert.Single(leave.StandardOutput));
        using (var cts = new CancellationTokenSource(SpecTimeouts.Downing))
            await tail.WaitForExitAsync(cts.Token);
        tail.WaitForExit();
        output.WriteLine(string.Join('\n', tailOutput.Lines));
        Assert.Equal(0, tail.ExitCode);
        Assert.Matches($@"\d\d:\d\d:\d\d member-(left|exited|removed) {addresses[leaver]}", tailOutput.StandardOutput.Last());
        Assert.Equal(0, await leaver.WaitForExitAsync(SpecTimeouts.GracefulExit));
        await NodeProcessCluster.AwaitViewAsync([observer, crashed], v => !v.Has(addresses[leaver]) && v.CountUp == 2, SpecTimeouts.Downing, "leaver removed");

        // SIGKILL one; cluster down-unreachable downs it and the cluster removes it.
        crashed.Kill();
        await NodeProcessCluster.AwaitViewAsync([observer], v => v.Unreachable.Contains(addresses[crashed]), SpecTimeouts.Downing, "crashed node unreachable");
        var down = await Mpctl.RunAsync([.. admin, "cluster", "down-unreachable"]);
        Assert.True(down.ExitCode == 0, Mpctl.Describe(down));
        Assert.Contains(down.StandardOutput, l => l.Contains(addresses[crashed]));
        await NodeProcessCluster.AwaitViewAsync([observer], v => !v.Has(addresses[crashed]) && v.Members.Count == 1, SpecTimeouts.Downing, "crashed node removed");
        var after = await Mpctl.RunAsync([.. admin, "cluster", "show"]);
        Assert.Contains(after.StandardOutput, l => l.StartsWith("1 member(s), 1 up, 0 unreachable"));
        cluster.MarkPassed();
    }
}
