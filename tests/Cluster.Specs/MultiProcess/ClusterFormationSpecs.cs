using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

[Collection(MultiProcessCollection.Name)]
public sealed class ClusterFormationSpecs(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_nodes_started_with_the_same_command_line_form_one_cluster()
    {
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine));

        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        output.WriteLine($"3 members Up and ready on every node {cluster.SinceLaunch.Elapsed.TotalSeconds:0.0} s after launch");

        var views = await Task.WhenAll(cluster.Nodes.Select(n => n.GetMembersAsync()));
        var selves = views.Select(v => v.SelfNode).Order().ToArray();
        Assert.Equal(3, selves.Distinct().Count());
        foreach (var view in views)
        {
            // One cluster: every node lists the same three members, itself included.
            Assert.Equal(selves, view.Members.Select(m => m.Node).Order());
            Assert.All(view.Members, m => Assert.Equal(("Up", "Reachable"), (m.Status, m.Reachability)));
            Assert.Equal(views[0].Oldest, view.Oldest);
        }
        foreach (var node in cluster.Nodes)
            Assert.True(await node.IsReadyAsync(), $"{node.Name}: /health/ready is not 200");

        // The files the nodes create are their user's alone (umask 077 in the node process).
        await OwnerOnlyFiles.AssertAsync(cluster.Nodes[0], cluster.SqliteFile, cluster.BlobDirectory);
        output.WriteLine("journal, WAL and blobs are 0600, blob folders 0700");

        cluster.MarkPassed();
    }
}
