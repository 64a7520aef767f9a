using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>Bad configuration fails fast: a non-zero exit and one line on stderr an operator can act on.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class BadConfigurationSpecs(ITestOutputHelper output)
{
    [Theory]
    [InlineData("unknown flag")]
    [InlineData("malformed seed address")]
    [InlineData("port already in use")]
    [InlineData("unwritable data dir")]
    [InlineData("unreachable postgres")]
    [InlineData("bad job schedule")]
    [InlineData("bad ladder rung")]
    [InlineData("bad rate limit")]
    [InlineData("bad lockout")]
    [InlineData("no token key in a cluster")]
    [InlineData("bad title price")]
    [InlineData("bad log format")]
    public async Task Bad_configuration_exits_non_zero_with_one_line(string fault)
    {
        using var dir = new TempDirectory("bad-config");
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        // Valid in every other respect, so the run fails for the one reason under test.
        var flags = new Dictionary<string, string>
        {
            ["--hostname"] = "127.0.0.1",
            ["--http-port"] = FreePorts.Next().ToString(),
            ["--remote-port"] = FreePorts.Next().ToString(),
            ["--data-dir"] = dir.Combine("data"),
            ["--sqlite-file"] = dir.Combine("journal.db"),
        };
        switch (fault)
        {
            case "unknown flag":
                flags["--no-such-flag"] = "1";
                break;
            case "malformed seed address":
                flags["--seed-nodes"] = "127.0.0.1:4053"; // host:port without akka.tcp://system@
                break;
            case "port already in use":
                occupied.Start();
                flags["--http-port"] = ((IPEndPoint)occupied.LocalEndpoint).Port.ToString();
                break;
            case "unwritable data dir":
                File.WriteAllText(dir.Combine("a-file"), "not a directory");
                flags["--data-dir"] = dir.Combine("a-file", "data");
                break;
            case "unreachable postgres":
                flags.Remove("--sqlite-file");
                flags["--postgres"] = $"Host=127.0.0.1;Port={FreePorts.Next()};Database=media;Username=postgres;Timeout=5";
                break;
            case "bad job schedule":
                File.WriteAllText(dir.Combine("bad.hocon"), "media-platform.scheduler.jobs.billing-cycle.schedule = \"daily at 25:00\"");
                flags["--config"] = dir.Combine("bad.hocon");
                break;
            case "bad ladder rung":
                File.WriteAllText(dir.Combine("bad.hocon"), "media-platform.pipeline.ladder = [\"240p 240 400\", \"720p\"]");
                flags["--config"] = dir.Combine("bad.hocon");
                break;
            case "bad rate limit":
                File.WriteAllText(dir.Combine("bad.hocon"), "media-platform.security.rate-limits.logins-per-email = 0");
                flags["--config"] = dir.Combine("bad.hocon");
                break;
            case "bad lockout":
                File.WriteAllText(dir.Combine("bad.hocon"), "media-platform.security.lockout.first-lock = soon");
                flags["--config"] = dir.Combine("bad.hocon");
                break;
            case "no token key in a cluster":
                // Each node would otherwise sign with a key of its own (or, once, a published one).
                flags["--discovery"] = "config";
                flags["--contact-points"] = $"127.0.0.1:{flags["--http-port"]},127.0.0.1:{FreePorts.Next()}";
                break;
            case "bad title price":
                File.WriteAllText(dir.Combine("bad.hocon"), "media-platform.billing.title-price-minor = 0");
                flags["--config"] = dir.Combine("bad.hocon");
                break;
            case "bad log format":
                flags["--log-format"] = "xml";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }

        var run = await NodeBinary.RunToExitAsync(flags.SelectMany(f => new[] { f.Key, f.Value }), dir.Path,
            SpecTimeouts.BadConfigurationExit);

        output.WriteLine($"{fault}: exit {run.ExitCode}, stderr: {string.Join(" | ", run.StandardError)}");
        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.StandardError);
        Assert.StartsWith("error: ", line);
        Assert.True(line.Length > "error: ".Length, "the error line says nothing");
        Assert.DoesNotContain(run.StandardError.Concat(run.StandardOutput), l => l.Contains("   at "));
        if (fault == "bad rate limit") Assert.Contains("media-platform.security.rate-limits.logins-per-email", line);
        if (fault == "bad lockout") Assert.Contains("media-platform.security.lockout.first-lock", line);
        if (fault is "bad rate limit" or "bad lockout" or "bad log format") Assert.Equal(2, run.ExitCode);
        if (fault == "bad log format") Assert.Contains("--log-format", line);
        if (fault == "no token key in a cluster")
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("head -c 48 /dev/urandom | base64", line);
        }
    }
}
