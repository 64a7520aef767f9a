using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Tls;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Remoting;

/// <summary>
/// The node binary with --remote-tls-certificate: two processes form one cluster over akka.ssl.tcp; node processes
/// pointed at that cluster with plain TCP never becomes a member and stops itself with one clear error.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class RemoteTlsNodeSpecs(ITestOutputHelper output) : IDisposable
{
    /// <summary>How long an intruder may take to try: its bootstrap asks the contact points ~10-15 s after it listens.</summary>
    private static readonly TimeSpan IntruderWatch = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dir = new("remote-tls-node");

    [Fact]
    public async Task Two_nodes_given_the_cluster_certificate_form_one_cluster_over_tls_and_keep_others_out()
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

        await AssertIntruderStopsItselfAsync(cluster, views.Select(v => v.SelfNode).ToHashSet());
        cluster.MarkPassed();
    }

    /// <summary>
    /// One more node process with the cluster's contact points (so bootstrap would hand it the seed nodes) and plain
    /// TCP. It must stop by itself with exit 2 and one <c>error:</c> line naming the protocols, without the remoting
    /// error flood a node that cannot reach its seeds used to write; all the while, and for a few seconds after, every
    /// poll of the TLS nodes' management API shows exactly their two members.
    /// </summary>
    private async Task AssertIntruderStopsItselfAsync(NodeProcessCluster cluster, IReadOnlySet<string> members)
    {
        // An impostor certificate is refused in RemoteTlsSpecs (in-process systems with the node's TLS setup): as a node
        // process it does not always try within a bounded time, so this spec keeps the intruder that always does.
        await using var plain = new NodeProcess("plain-tcp", _dir.Path);
        await plain.StartAsync(IntruderArguments(cluster, plain, certificate: null), SpecTimeouts.Formation);

        var deadline = DateTime.UtcNow + IntruderWatch;
        DateTime? quietUntil = null;
        var polls = 0;
        while (quietUntil is null || DateTime.UtcNow < quietUntil)
        {
            foreach (var node in cluster.Nodes)
            {
                var view = await node.GetMembersAsync();
                Assert.True(view.Members.Count == 2 && view.Members.All(m => members.Contains(m.Node)), $"an intruder got in: {view}");
            }
            polls++;
            if (!plain.IsRunning) quietUntil ??= DateTime.UtcNow + TimeSpan.FromSeconds(5);
            Assert.True(DateTime.UtcNow < deadline || quietUntil is not null,
                $"the plain-TCP node did not stop itself within {IntruderWatch.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        output.WriteLine($"{polls} polls of both TLS nodes: 2 members each time");

        Assert.Equal(2, await plain.WaitForExitAsync(TimeSpan.FromSeconds(5)));
        var error = Assert.Single(plain.Log, l => l.StartsWith("error: ", StringComparison.Ordinal));
        output.WriteLine($"plain-TCP node: {error}");
        Assert.Contains("speaks akka.ssl.tcp", error);
        var transportErrors = plain.Log.Count(l => l.Contains("No transport is loaded for protocol", StringComparison.Ordinal));
        output.WriteLine($"plain-TCP node: {transportErrors} 'No transport is loaded' line(s), {plain.Log.Count} log lines in all");
        Assert.True(transportErrors < 50, $"the plain-TCP node still floods its log: {transportErrors} remoting errors");
    }

    /// <summary>The cluster's own command line with its own journal, and another certificate (or none: plain TCP).</summary>
    private static List<string> IntruderArguments(NodeProcessCluster cluster, NodeProcess intruder, string? certificate)
    {
        var args = new List<string>();
        var shared = cluster.SharedArguments;
        for (var i = 0; i < shared.Count; i++)
        {
            switch (shared[i])
            {
                case "--sqlite-file":
                    args.AddRange([shared[i], Path.Combine(intruder.Directory, "journal.db")]);
                    i++;
                    break;
                case "--remote-tls-certificate" or "--remote-tls-certificate-password-file" when certificate is null:
                    i++;
                    break;
                case "--remote-tls-certificate":
                    args.AddRange([shared[i], certificate]);
                    i++;
                    break;
                default:
                    args.Add(shared[i]);
                    break;
            }
        }
        return args;
    }

    public void Dispose() => _dir.Dispose();
}
