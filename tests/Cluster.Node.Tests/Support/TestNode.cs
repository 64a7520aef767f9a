using System.Net.Http.Json;
using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Testing.Api;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// A whole node (Kestrel + actor system, built by NodeApp exactly as the binary builds it) on free loopback ports
/// with a temp data directory, and an HttpClient pointed at it.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";
    private readonly WebApplication _app;
    private readonly TempDirectory _dir;

    private TestNode(WebApplication app, TempDirectory dir, NodeOptions options)
    {
        _app = app;
        _dir = dir;
        Options = options;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{options.HttpPort}/") };
    }

    public NodeOptions Options { get; }
    public HttpClient Http { get; }
    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    /// <summary>A node with raised rate limits (<see cref="TestRateLimits"/>): tests sign up many users from one address.</summary>
    public static Task<TestNode> StartAsync(params string[] extraArgs) => StartAsync(raiseRateLimits: true, extraArgs);

    /// <summary>A node with the shipped rate limits, for the specs of those limits.</summary>
    public static Task<TestNode> StartWithShippedLimitsAsync(params string[] extraArgs) => StartAsync(raiseRateLimits: false, extraArgs);

    private static async Task<TestNode> StartAsync(bool raiseRateLimits, string[] extraArgs)
    {
        var dir = new TempDirectory();
        if (raiseRateLimits) extraArgs = TestRateLimits.Raise(extraArgs, Path.Combine(dir.Path, "config"));
        // Warnings only: the test output is for the tests, not for every sign-up a node logs.
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"), ["--admin-token", AdminToken, "--log-level", "Warning", .. extraArgs]);
        await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10));
        var app = NodeApp.Build(options);
        await app.StartAsync();
        var node = new TestNode(app, dir, options);
        await Eventually.AwaitAsync(() => Cluster.Get(node.System).SelfMember.Status == MemberStatus.Up, TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>A client carrying a bearer token.</summary>
    public HttpClient ClientWithToken(string token) => ApiClient.Authorized(Http.BaseAddress, token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
