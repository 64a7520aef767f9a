using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Tls;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Remoting;

/// <summary>
/// The node binary with --remote-tls-certificate: two processes form one cluster over akka.ssl.tcp; node processes
/// pointed at that cluster with another self-signed certificate, or with plain TCP, never become members.
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

        await AssertIntrudersStayOutAsync(cluster, views.Select(v => v.SelfNode).ToHashSet(), password);
        cluster.MarkPassed();
    }

    /// <summary>
    /// One more node process with the cluster's contact points (so bootstrap hands it its seed nodes) and plain TCP. It
    /// is watched until its log shows the attempt failing (no transport for akka.ssl.tcp) and then stopped; all the
    /// while, and for a few seconds after, every poll of the TLS nodes' management API shows exactly their two members.
    /// </summary>
    private async Task AssertIntrudersStayOutAsync(NodeProcessCluster cluster, IReadOnlySet<string> members, string password)
    {
        // An impostor certificate is refused in RemoteTlsSpecs (in-process systems with the node's TLS setup): as a node
        // process it does not always try within a bounded time, so this spec keeps the intruder that always does.
        await using var plain = new NodeProcess("plain-tcp", _dir.Path);
        await plain.StartAsync(IntruderArguments(cluster, plain, certificate: null), SpecTimeouts.Formation);

        var refusals = new Dictionary<NodeProcess, (string Sign, Func<bool> Seen)>
        {
            [plain] = ("No transport is loaded for protocol: [akka.ssl.tcp]", () => // it logs this in a tight loop: stop it soon
                plain.Log.Any(l => l.Contains("No transport is loaded for protocol: [akka.ssl.tcp]", StringComparison.Ordinal))),
        };
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
            foreach (var (intruder, refusal) in refusals.Where(r => r.Key.IsRunning).ToList())
                if (refusal.Seen())
                {
                    output.WriteLine($"{intruder.Name} was refused ({refusal.Sign}) after {(DateTime.UtcNow - deadline + IntruderWatch).TotalSeconds:0.0} s; stopping it");
                    intruder.Kill();
                    refusals.Remove(intruder);
                }
            if (refusals.Count == 0) quietUntil ??= DateTime.UtcNow + TimeSpan.FromSeconds(5);
            Assert.True(DateTime.UtcNow < deadline || quietUntil is not null,
                $"no sign that {string.Join(" and ", refusals.Keys.Select(n => n.Name))} tried to join within {IntruderWatch.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        output.WriteLine($"{polls} polls of both TLS nodes: 2 members each time");
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
