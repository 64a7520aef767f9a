using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// The node's actor system exactly as the binary wires it (AddNodeAkka), in a generic host without Kestrel, so a
/// test can read the effective config or drive actors. Extra HOCON, when given, is layered over config/*.hocon.
/// </summary>
public sealed class TestNodeHost : IAsyncDisposable
{
    private readonly IHost _host;

    // Test-only event types (e.g. Counter's) travel through the same protocol serializer as the domain's.
    private const string TestAssemblyProtocol = "media-platform.serialization.extra-assemblies = [\"Cluster.Node.Tests\"]";

    private TestNodeHost(IHost host) => _host = host;

    public ActorSystem System => _host.Services.GetRequiredService<ActorSystem>();

    public static async Task<TestNodeHost> StartAsync(NodeOptions options, string? extraHocon = null)
    {
        await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10)); // as the binary does: creates the data dir
        var shared = ConfigurationFactory.ParseString(TestAssemblyProtocol)
            .WithFallback(NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));
        if (extraHocon is not null) shared = ConfigurationFactory.ParseString(extraHocon).WithFallback(shared);
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => { l.ClearProviders(); if (Environment.GetEnvironmentVariable("TEST_NODE_LOGS") == "1") l.AddConsole(); })
            .ConfigureServices(services => services.AddNodeAkka(options, shared))
            .Build();
        await host.StartAsync();
        return new TestNodeHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
