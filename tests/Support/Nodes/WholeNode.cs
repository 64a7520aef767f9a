using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node;
using MediaPlatform.Node.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaPlatform.Testing.Nodes;

/// <summary>A whole node in this process: Kestrel + actor system, built by NodeApp exactly as the binary builds it.</summary>
public sealed class WholeNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WholeNode(WebApplication app, NodeOptions options) => (_app, Options) = (app, options);

    public NodeOptions Options { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Options.HttpPort}/");

    public IServiceProvider Services => _app.Services;

    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    /// <summary>Runs the start-up checks as the binary does, then starts the node (not waiting for it to join).
    /// <paramref name="clock"/>, when given, replaces the wall clock.</summary>
    public static async Task<WholeNode> StartAsync(NodeOptions options, IClock? clock = null)
    {
        await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10));
        var app = NodeApp.Build(options, clock);
        await app.StartAsync();
        return new WholeNode(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }
}
