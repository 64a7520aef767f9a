using System.Text;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Cluster;
using Akka.Configuration;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Specs.MultiNode;
using MediaPlatform.Specs.Support.MultiNode;
using MediaPlatform.Specs.Support.Tls;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Remoting;

/// <summary>
/// Remoting with the cluster certificate (--remote-tls-certificate): two nodes that hold it form a cluster and talk
/// through a recording proxy that never sees a message in clear; a plain-TCP node and a node with another
/// certificate try to join through the same proxy and never become members.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class RemoteTlsSpecs(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(45);
    /// <summary>How long intruders are given to get in; a real join on loopback takes 1–3 s.</summary>
    private static readonly TimeSpan IntruderWindow = TimeSpan.FromSeconds(12);
    private const string Password = "cluster-certificate-password";

    private readonly TempDirectory _dir = new("remote-tls");
    private readonly List<ActorSystem> _systems = [];

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Nodes_with_the_cluster_certificate_must_talk_encrypted_and_others_must_not_get_in()
    {
        var clusterCertificate = RemoteTls.LoadCertificate(ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster", Password), Password);
        var otherCertificate = RemoteTls.LoadCertificate(ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster-impostor", Password), Password);

        var portA = FreePorts.Next();
        await using var proxy = new RecordingTcpProxy(portA);
        // A listens on portA but names the proxy's port as its address, so every connection to A crosses the proxy.
        var a = Start("a", clusterCertificate, portA, publicPort: proxy.Port);
        var b = Start("b", clusterCertificate);
        var addressA = Cluster.Get(a).SelfAddress;
        Assert.Equal("akka.ssl.tcp", addressA.Protocol);
        a.ActorOf(Props.Create(() => new Echo()), "echo");

        Cluster.Get(a).Join(addressA);
        Cluster.Get(b).Join(addressA);
        await Eventually.AwaitAssertAsync(() =>
        {
            Assert.Equal(2, UpMembers(a));
            Assert.Equal(2, UpMembers(b));
            return Task.CompletedTask;
        }, FormTimeout);
        output.WriteLine("a and b Up over TLS");

        var marker = $"marker-{Guid.NewGuid():N}";
        await Eventually.AwaitAssertAsync(async () =>
            Assert.Equal(marker, await b.ActorSelection($"{addressA}/user/echo").Ask<string>(marker, TimeSpan.FromSeconds(5))), FormTimeout);
        var captured = proxy.Captured();
        output.WriteLine($"echo answered; the proxy saw {captured.Length} bytes");
        Assert.True(captured.Length > 1000, "the proxy saw the nodes' traffic");
        Assert.Equal(-1, captured.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)));
        Assert.Equal(-1, captured.AsSpan().IndexOf(Encoding.UTF8.GetBytes("akka.ssl.tcp://media@")));

        // Intruders: one speaking plain TCP, one speaking TLS with a certificate that is not the cluster's.
        var plain = Start("plain", certificate: null);
        var impostor = Start("impostor", otherCertificate);
        Cluster.Get(plain).Join(Address.Parse($"akka.tcp://{MultiNodeConfig.SystemName}@127.0.0.1:{proxy.Port}"));
        Cluster.Get(impostor).Join(addressA);

        var until = DateTime.UtcNow + IntruderWindow;
        while (DateTime.UtcNow < until)
        {
            Assert.Equal(2, Cluster.Get(a).State.Members.Count);
            Assert.Equal(2, Cluster.Get(b).State.Members.Count);
            Assert.NotEqual(MemberStatus.Up, Cluster.Get(plain).SelfMember.Status);
            Assert.NotEqual(MemberStatus.Up, Cluster.Get(impostor).SelfMember.Status);
            await Task.Delay(250);
        }
        output.WriteLine($"after {IntruderWindow.TotalSeconds:0} s neither intruder is a member");
        Assert.Equal(marker, await b.ActorSelection($"{addressA}/user/echo").Ask<string>(marker, TimeSpan.FromSeconds(10)));
    }

    private ActorSystem Start(string name, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate, int port = 0, int publicPort = 0)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.remote.dot-netty.tcp {
              port = {{port}}
              public-port = {{publicPort}}
              applied-adapters = []
              enable-ssl = {{(certificate is null ? "false" : "true")}}
            }
            """).WithFallback(MultiNodeConfig.Create());
        var setup = BootstrapSetup.Create().WithConfig(config);
        var system = certificate is null
            ? ActorSystem.Create(MultiNodeConfig.SystemName, setup)
            : ActorSystem.Create(MultiNodeConfig.SystemName, ActorSystemSetup.Create(setup, RemoteTls.Setup(certificate)));
        _systems.Add(system);
        output.WriteLine($"{name}: {Cluster.Get(system).SelfAddress}");
        return system;
    }

    private static int UpMembers(ActorSystem system) => Cluster.Get(system).State.Members.Count(m => m.Status == MemberStatus.Up);

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_systems.Select(s => s.Terminate().WaitAsync(TimeSpan.FromSeconds(20))));
        _dir.Dispose();
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(text => Sender.Tell(text));
    }
}
