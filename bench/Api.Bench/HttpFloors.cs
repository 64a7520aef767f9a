using Akka.Actor;
using Akka.Cluster.Sharding;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// What an HTTP request costs before the node does anything of its own, each against the same in-process profile read:
/// a bare Kestrel app in this process answering the profile's JSON bytes (loopback TCP, Kestrel and HttpClient only);
/// the node's anonymous <c>GET /api/plans</c> (its whole middleware pipeline, no actor); and the node's
/// <c>GET /api/sessions/current</c> (the pipeline plus the bearer token and its token-version check, no entity).
/// The profile read adds the entity ask on top; a fourth row reads it from the node that hosts the entity (no remoting).
/// If the bare row cannot reach the goal, no change in the node can.
/// </summary>
public sealed class HttpFloors : IAsyncDisposable
{
    public const string BareRow = "floor: bare Kestrel, same JSON";

    private readonly WebApplication _bare;
    private readonly HttpClient[] _bareClients;
    private readonly HttpClient[] _anonymous;
    private readonly int[] _hostingNode;

    private HttpFloors(WebApplication bare, HttpClient[] bareClients, HttpClient[] anonymous, int[] hostingNode)
    {
        _bare = bare;
        _bareClients = bareClients;
        _anonymous = anonymous;
        _hostingNode = hostingNode;
    }

    public static async Task<HttpFloors> StartAsync(InProcessNodeCluster cluster, UserPool pool)
    {
        var member = pool.Members[0];
        var profileJson = await member.ClientPerNode[0].GetByteArrayAsync($"/api/users/{member.UserId}");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var bare = builder.Build();
        bare.MapGet("/profile", () => Results.Bytes(profileJson, "application/json"));
        await bare.StartAsync();
        var address = new Uri(bare.Urls.First());
        // As many clients (connection pools) as the pool's users have per node, so connections are spread alike.
        var clients = pool.Members.Select(_ => new HttpClient { BaseAddress = address }).ToArray();
        // Anonymous clients shaped like the pool's: one per user and node, so each row spreads over as many connections.
        var anonymous = pool.Members.SelectMany(_ => cluster.BaseAddresses.Select(node => new HttpClient { BaseAddress = node })).ToArray();
        return new HttpFloors(bare, clients, anonymous, await HostingNodesAsync(cluster, pool));
    }

    /// <summary>For each pool member, the node whose shard region hosts its user entity (the pool brought them all to life).</summary>
    private static async Task<int[]> HostingNodesAsync(InProcessNodeCluster cluster, UserPool pool)
    {
        var hosting = new Dictionary<string, int>();
        for (var node = 0; node < cluster.BaseAddresses.Count; node++)
        {
            var state = await cluster.Registered<EntityRegions.Users>(node).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            foreach (var entity in state.Shards.SelectMany(shard => shard.EntityIds))
                hosting[entity] = node;
        }
        return pool.Members.Select(m => hosting.TryGetValue(m.UserId, out var node) ? node
            : throw new InvalidOperationException($"user {m.UserId} is not alive on any node's shard region")).ToArray();
    }

    public IEnumerable<Operation> Rows(InProcessNodeCluster cluster, UserPool pool)
    {
        var members = pool.Members;
        var nodes = cluster.BaseAddresses.Count;
        UserPool.Member Pick(int i) => members[i % members.Count];
        var inProcessRead = Operations.InProcessProfileRead(cluster, pool);

        yield return new Operation(BareRow,
            async (client, i) => (await _bareClients[(client + i) % _bareClients.Length].GetAsync("/profile")).IsSuccessStatusCode,
            inProcessRead);
        yield return new Operation("floor: node pipeline, anonymous, no actor",
            async (client, i) => (await _anonymous[(i % members.Count) * nodes + (client + i) % nodes].GetAsync("/api/plans")).IsSuccessStatusCode,
            inProcessRead);
        yield return new Operation("floor: node pipeline + token check, no entity",
            async (client, i) => (await Pick(i).ClientPerNode[(client + i) % nodes].GetAsync("/api/sessions/current")).IsSuccessStatusCode,
            inProcessRead);
        // The same read without remoting: each request goes to the node hosting the entity, and so does each in-process ask.
        yield return new Operation("profile read, entity on the receiving node",
            async (client, i) => (await Pick(i).ClientPerNode[_hostingNode[i % members.Count]].GetAsync($"/api/users/{Pick(i).UserId}")).IsSuccessStatusCode,
            Operations.InProcessProfileRead(cluster, pool, member => _hostingNode[member]));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _bareClients.Concat(_anonymous)) client.Dispose();
        await _bare.DisposeAsync();
    }
}
