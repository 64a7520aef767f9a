using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Node;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Bench.Scheduler;

/// <summary>
/// Three whole nodes (built by NodeApp as the binary builds them) in this process on loopback, one SQLite journal,
/// and one <see cref="ManualClock"/> the bench moves to make billing periods end.
/// </summary>
public sealed class InProcessCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("scheduler-bench-").FullName;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
    public IActorRef Accounts => Registered<EntityRegions.BillingAccounts>(0);
    public IActorRef Scheduler => Registered<SchedulerProxy>(0);
    public ActorSystem FirstSystem => _apps[0].Services.GetRequiredService<ActorSystem>();

    public static async Task<InProcessCluster> StartAsync(int size)
    {
        var cluster = new InProcessCluster();
        var remotePorts = Enumerable.Range(0, size).Select(_ => FreePorts.Next()).ToArray();
        for (var i = 0; i < size; i++)
        {
            string[] args =
            [
                "--http-port", FreePorts.Next().ToString(), "--remote-port", remotePorts[i].ToString(), "--node-name", $"bench-{i + 1}",
                "--data-dir", Path.Combine(cluster._dir, $"node-{i + 1}"), "--sqlite-file", Path.Combine(cluster._dir, "journal.db"),
                "--log-level", "Warning", "--seed-nodes", $"akka.tcp://media@127.0.0.1:{remotePorts[0]}",
            ];
            var options = NodeOptionsParser.Parse(args, new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = "bench-cluster-token-key-0123456789abcdef" }, AppContext.BaseDirectory)!;
            await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10));
            var app = NodeApp.Build(options, cluster.Clock);
            await app.StartAsync();
            cluster._apps.Add(app);
        }
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Cluster.Get(cluster.FirstSystem).State.Members.Count(m => m.Status == MemberStatus.Up) < size)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("bench cluster did not form");
            await Task.Delay(200);
        }
        return cluster;
    }

    private IActorRef Registered<TKey>(int node) => _apps[node].Services.GetRequiredService<IRequiredActor<TKey>>().ActorRef;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync(TimeSpan.FromSeconds(30));
            await app.DisposeAsync();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
