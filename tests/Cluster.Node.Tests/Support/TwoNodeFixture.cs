namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// Two full nodes (HTTP + actor system) joined into one cluster over loopback and sharing one SQLite journal, for
/// specs about what every node must see. Node A also verifies tokens of a retired key (key rotation); node B does not.
/// </summary>
public sealed class TwoNodeFixture : IAsyncLifetime
{
    public const string CurrentKey = "current-token-key-of-the-two-node-cluster-0123456789";
    public const string RetiredKey = "retired-token-key-of-the-two-node-cluster-0123456789";

    public TestNode A { get; private set; } = null!;
    public TestNode B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        A = await TestNode.StartAsync("--token-key", CurrentKey, "--previous-token-keys", RetiredKey);
        B = await TestNode.StartAsync("--token-key", CurrentKey, "--sqlite-file", A.Options.SqliteFile,
            "--seed-nodes", $"akka.tcp://{A.Options.ClusterName}@127.0.0.1:{A.Options.RemotePort}");
        await Eventually.AwaitAsync(() => new[] { A, B }.All(n =>
            Akka.Cluster.Cluster.Get(n.System).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) == 2), TimeSpan.FromSeconds(30), "B did not join A");
    }

    public async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
