using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Tls;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Remoting;

/// <summary>The node binary with --remote-tls-certificate: two processes form one cluster over akka.ssl.tcp.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class RemoteTlsNodeSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("remote-tls-node");

    [Fact]
    public async Task Two_nodes_given_the_cluster_certificate_form_one_cluster_over_tls()
    {
        const string password = "node-certificate-password";
        var pfx = ThrowawayCertificate.WritePfx(_dir.Path, "media-cluster", password);
        var passwordFile = _dir.Combine("password");
        await File.WriteAllTextAsync(passwordFile, password + "\n");

        await using var cluster = await NodeProcessCluster.StartAsync(2, new(output.WriteLine,
            ExtraArguments: ["--remote-tls-certificate", pfx, "--remote-tls-certificate-password-file", passwordFile]));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);

        var views = await Task.WhenAll(cluster.Nodes.Select(n => n.GetMembersAsync()));
        Assert.All(views, v => Assert.StartsWith("akka.ssl.tcp://media@127.0.0.1:", v.SelfNode));
        Assert.All(views, v => Assert.Equal(2, v.Members.Count(m => m.Status == "Up")));
        cluster.MarkPassed();
    }

    public void Dispose() => _dir.Dispose();
}
