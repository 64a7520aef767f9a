using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using MediaPlatform.Node;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// Three whole nodes (Kestrel + actor system, built by NodeApp as the binary builds them) in this process, on
/// loopback, sharing one SQLite journal: HTTP clients reach them over real sockets, and the in-process path asks
/// node 1's shard region directly, so both paths run against the same cluster in the same run.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("api-bench-").FullName;

    public IReadOnlyList<Uri> BaseAddresses { get; private set; } = [];
    public ActorSystem FirstSystem => _apps[0].Services.GetRequiredService<ActorSystem>();
    public IActorRef Users => _apps[0].Services.GetRequiredService<IRequiredActor<EntityRegions.Users>>().ActorRef;
    public IActorRef Accounts => _apps[0].Services.GetRequiredService<IRequiredActor<EntityRegions.BillingAccounts>>().ActorRef;

    public static async Task<BenchCluster> StartAsync(int size)
    {
        var cluster = new BenchCluster();
        var remotePorts = Enumerable.Range(0, size).Select(_ => FreePort()).ToArray();
        var seed = $"akka.tcp://media@127.0.0.1:{remotePorts[0]}";
        var addresses = new List<Uri>();
        // Every bench user signs up and logs in from 127.0.0.1: the shipped per-address rate limits would refuse most.
        Directory.CreateDirectory(cluster._dir);
        var limits = Path.Combine(cluster._dir, "bench-rate-limits.hocon");
        await File.WriteAllTextAsync(limits, "media-platform.security.rate-limits { sign-ups-per-address = 1000000, logins-per-address = 1000000, "
            + "logins-per-email = 1000000, uploads-per-address = 1000000, titles-per-address = 1000000 }\n"
            // The order benchmark buys a new made-up title per request; publishing that many would need the media pipeline.
            + "media-platform.billing.require-published-title = off\n");
        for (var i = 0; i < size; i++)
        {
            var httpPort = FreePort();
            string[] args =
            [
                "--http-port", httpPort.ToString(), "--remote-port", remotePorts[i].ToString(), "--node-name", $"bench-{i + 1}",
                "--data-dir", Path.Combine(cluster._dir, $"node-{i + 1}"), "--sqlite-file", Path.Combine(cluster._dir, "journal.db"),
                "--log-level", "Warning", "--config", limits, .. (i == 0 ? Array.Empty<string>() : ["--seed-nodes", seed]),
            ];
            var options = NodeOptionsParser.Parse(args, new Dictionary<string, string?> { ["NODE_TOKEN_KEY"] = "bench-cluster-token-key-0123456789abcdef" }, AppContext.BaseDirectory)!;
            await StartupChecks.RunAsync(options, TimeSpan.FromSeconds(10));
            var app = NodeApp.Build(options);
            await app.StartAsync();
            cluster._apps.Add(app);
            addresses.Add(new Uri($"http://127.0.0.1:{httpPort}/"));
        }
        cluster.BaseAddresses = addresses;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Cluster.Get(cluster.FirstSystem).State.Members.Count(m => m.Status == MemberStatus.Up) < size)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("bench cluster did not form");
            await Task.Delay(200);
        }
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
        {
            await app.StopAsync(TimeSpan.FromSeconds(30));
            await app.DisposeAsync();
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
