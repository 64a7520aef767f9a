using System.Net.Http.Json;
using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// A <see cref="WholeNode"/> on free loopback ports with a temp data directory and the test admin token, and an
/// HttpClient (raw and as the typed <see cref="ApiClient"/>) pointed at it.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";
    private readonly WholeNode _node;
    private readonly TempDirectory _dir;

    private TestNode(WholeNode node, TempDirectory dir, NodeOptions options)
    {
        _node = node;
        _dir = dir;
        Options = options;
        Http = new HttpClient { BaseAddress = node.BaseAddress };
        Api = new ApiClient(Http);
    }

    public NodeOptions Options { get; }
    public HttpClient Http { get; }

    /// <summary>The typed API (sign-up, login, uploads, orders) over <see cref="Http"/>.</summary>
    public ApiClient Api { get; }
    public ActorSystem System => _node.System;

    /// <summary>The node's services (its logger factory, hub context, …).</summary>
    public IServiceProvider Services => _node.Services;

    /// <summary>A node with raised rate limits (<see cref="TestRateLimits"/>): tests sign up many users from one address.</summary>
    public static Task<TestNode> StartAsync(params string[] extraArgs) => StartAsync(raiseRateLimits: true, extraArgs);

    /// <summary>A node with the shipped rate limits, for the specs of those limits.</summary>
    public static Task<TestNode> StartWithShippedLimitsAsync(params string[] extraArgs) => StartAsync(raiseRateLimits: false, extraArgs);

    /// <summary>A node (raised rate limits) whose entities and scheduler decide with <paramref name="clock"/> (billing periods move when the spec says).</summary>
    public static Task<TestNode> StartAsync(IClock clock, params string[] extraArgs) => StartAsync(raiseRateLimits: true, extraArgs, clock);

    private static async Task<TestNode> StartAsync(bool raiseRateLimits, string[] extraArgs, IClock? clock = null)
    {
        var dir = new TempDirectory();
        if (raiseRateLimits) extraArgs = TestRateLimits.Raise(extraArgs, Path.Combine(dir.Path, "config"));
        // Warnings only: the test output is for the tests, not for every sign-up a node logs.
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"), ["--admin-token", AdminToken, "--log-level", "Warning", .. extraArgs]);
        var node = new TestNode(await WholeNode.StartAsync(options, clock), dir, options);
        await Eventually.AwaitAsync(() => Cluster.Get(node.System).SelfMember.Status == MemberStatus.Up, TimeSpan.FromSeconds(30));
        return node;
    }

    /// <summary>A client carrying a bearer token.</summary>
    public HttpClient ClientWithToken(string token) => ApiClient.Authorized(Http.BaseAddress, token);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _node.DisposeAsync();
        _dir.Dispose();
    }
}
