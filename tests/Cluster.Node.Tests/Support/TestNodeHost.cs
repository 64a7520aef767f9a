using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// The node's actor system exactly as the binary wires it (<see cref="NodeActorHost"/>), so a test can read the
/// effective config or drive actors. Extra HOCON, when given, is layered over config/*.hocon.
/// </summary>
public sealed class TestNodeHost : IAsyncDisposable
{
    // Test-only event types (e.g. Counter's) travel through the same protocol serializer as the domain's.
    private const string TestAssemblyProtocol = "media-platform.serialization.extra-assemblies = [\"Cluster.Node.Tests\"]";

    private readonly NodeActorHost _host;

    private TestNodeHost(NodeActorHost host) => _host = host;

    public ActorSystem System => _host.System;

    public static async Task<TestNodeHost> StartAsync(NodeOptions options, string? extraHocon = null)
    {
        var shared = ConfigurationFactory.ParseString(TestAssemblyProtocol)
            .WithFallback(NodeHocon.Load(options.ConfigDirectory, options.ExtraConfigFile));
        if (extraHocon is not null) shared = ConfigurationFactory.ParseString(extraHocon).WithFallback(shared);
        return new TestNodeHost(await NodeActorHost.StartAsync(options, shared));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
