using System.Net;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Management;

/// <summary>The management API on a real 3-process cluster: read routes, error shapes, and the mutation gate.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class ManagementApiSpecs(ITestOutputHelper output)
{
    private static readonly string[] Regions = ["billing-account", "coupon", "email-reservation", "friend-list", "friendship", "gateway-ledger", "image", "image-blur-queue", "image-decode-queue", "image-detect-queue", "image-resize-queue", "image-tag-queue", "live-index", "live-stream", "login-guard", "party", "party-index", "title", "title-pipeline", "upload-quota", "user", "watch-history"];

    [Fact]
    public async Task Read_only_cluster_every_read_route_answers_and_mutations_are_refused()
    {
        var (cluster, config) = await ManagementCluster.StartAsync(output, mutations: false);
        await using var _ = cluster;
        using var __ = config;
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var addresses = await ManagementCluster.AddressesAsync(cluster);
        var node = cluster.Nodes[0];
        var other = addresses[cluster.Nodes[1]];
        using var admin = new ManagementHttp(node);
        using var anonymous = new ManagementHttp(node, token: null);

        // Reads need the admin token too (entity ids in them are emails, coupon codes, payment keys).
        Assert.Contains("admin token", (await anonymous.GetAsync("actors/hierarchy?depth=2")).AssertProblem(HttpStatusCode.Unauthorized));

        // One member: URL-encoded, plain and short address forms; unknown and malformed addresses.
        var member = (await admin.GetAsync(ManagementHttp.Member(other))).AssertOk();
        Assert.Equal(other, member.Str("node"));
        Assert.Equal("Up", member.Str("status"));
        Assert.Equal("Reachable", member.Str("reachability"));
        Assert.Equal(other, (await admin.GetAsync("cluster/members/" + other)).AssertOk().Str("node"));
        Assert.Equal(other, (await admin.GetAsync($"cluster/members/127.0.0.1:{cluster.Nodes[1].RemotePort}")).AssertOk().Str("node"));
        Assert.Contains("not a member", (await admin.GetAsync(ManagementHttp.Member("akka.tcp://media@127.0.0.1:1"))).AssertProblem(HttpStatusCode.NotFound));
        Assert.Contains("not a member address", (await admin.GetAsync("cluster/members/not-an-address")).AssertProblem(HttpStatusCode.BadRequest));
        Assert.Contains("'other'", (await admin.GetAsync(ManagementHttp.Member("akka.tcp://other@127.0.0.1:4051"))).AssertProblem(HttpStatusCode.BadRequest));

        // An entity somewhere, so the shard counts have something to count.
        await new ApiClient(anonymous.Client).NewUserAsync("mgmt-spec", "Mgmt");

        // Shards on each node, and the cluster-wide distribution: every region, the user entity counted once.
        var userEntitiesOnNodes = 0;
        foreach (var n in cluster.Nodes)
        {
            using var http = new ManagementHttp(n);
            var shards = (await http.GetAsync("cluster/shards/user")).AssertOk();
            Assert.Equal("user", shards.Str("region"));
            Assert.Equal(addresses[n], shards.Str("node"));
            userEntitiesOnNodes += shards.Json.GetProperty("entityCount").GetInt32();
        }
        Assert.True(userEntitiesOnNodes >= 1, "the signed-up user's entity lives on some node");
        Assert.Contains("user", (await admin.GetAsync("cluster/shards/no-such-region")).AssertProblem(HttpStatusCode.NotFound));
        var sharding = (await admin.GetAsync("cluster/sharding")).AssertOk();
        var regions = sharding.Json.GetProperty("regions").EnumerateArray().ToArray();
        Assert.Equal(Regions, regions.Select(r => r.GetProperty("region").GetString()).ToArray());
        var user = regions.Single(r => r.GetProperty("region").GetString() == "user");
        Assert.True(user.GetProperty("entityCount").GetInt32() >= 1, sharding.Text);
        Assert.Equal(JsonValueKind.Null, user.GetProperty("error").ValueKind);

        // Singletons (the scheduler, on the oldest member), associations, actor hierarchy.
        var singletons = (await admin.GetAsync("cluster/singletons")).AssertOk();
        Assert.Contains(singletons.Str("oldest"), addresses.Values);
        var scheduler = Assert.Single(singletons.Json.GetProperty("singletons").EnumerateArray(), s => s.GetProperty("name").GetString() == "scheduler");
        Assert.Equal(singletons.Str("oldest"), scheduler.GetProperty("node").GetString());
        Assert.Contains(singletons.Json.GetProperty("singletons").EnumerateArray(), s => s.GetProperty("name").GetString() == "transcode-coordinator");

        // The transcode queue: every node's worker registered with the coordinator; an unknown batch is a 404.
        await Eventually.AwaitAssertAsync(async () =>
        {
            var queue = (await admin.GetAsync("cluster/transcode-queue")).AssertOk();
            Assert.Equal(0, queue.Json.GetProperty("pending").GetInt32());
            Assert.Equal(addresses.Values.Order(StringComparer.Ordinal),
                queue.Json.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("node").GetString()).Order(StringComparer.Ordinal));
        }, TimeSpan.FromSeconds(30));
        Assert.Contains("no-such-batch", (await admin.GetAsync("cluster/transcode-queue/batches/no-such-batch")).AssertProblem(HttpStatusCode.NotFound));
        var associations = (await admin.GetAsync("remote/associations")).AssertOk();
        Assert.Equal(addresses[node], associations.Str("self"));
        Assert.Equal(addresses.Values.Where(a => a != addresses[node]).Order(StringComparer.Ordinal),
            associations.Json.GetProperty("associations").EnumerateArray().Select(a => a.GetProperty("address").GetString()));
        var hierarchy = (await admin.GetAsync("actors/hierarchy?depth=2")).AssertOk();
        var actors = hierarchy.Json.GetProperty("actors").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Contains("/system/sharding", actors);
        Assert.Contains("/system/sharding/user", actors);
        Assert.DoesNotContain(actors, a => a!.Count(c => c == '/') > 3);
        Assert.Contains("depth", (await admin.GetAsync("actors/hierarchy?depth=99")).AssertProblem(HttpStatusCode.BadRequest));

        // The event stream starts with a snapshot of the membership.
        var (name, data) = await FirstEventAsync(admin.Client);
        Assert.Equal("snapshot", name);
        Assert.Equal(3, data.GetProperty("members").GetArrayLength());

        // Mutations: 401 without a token (or with a wrong one), 403 with the admin token on a read-only node.
        var leaveOther = ManagementHttp.Member(other);
        Assert.Contains("admin token", (await anonymous.PutFormAsync(leaveOther, ("operation", "leave"))).AssertProblem(HttpStatusCode.Unauthorized));
        using var wrongToken = new ManagementHttp(node, token: "not-the-admin-token-0000");
        (await wrongToken.DeleteAsync(leaveOther)).AssertProblem(HttpStatusCode.Unauthorized);
        (await anonymous.PostJsonAsync("cluster/down-unreachable", "{}")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("read-only", (await admin.PutFormAsync(leaveOther, ("operation", "leave"))).AssertProblem(HttpStatusCode.Forbidden));
        Assert.Contains("read-only", (await admin.DeleteAsync(leaveOther)).AssertProblem(HttpStatusCode.Forbidden));
        Assert.Contains("read-only", (await admin.PostFormAsync("cluster/members", ("address", other))).AssertProblem(HttpStatusCode.Forbidden));
        Assert.Contains("read-only", (await admin.PostJsonAsync("cluster/down-unreachable", "{}")).AssertProblem(HttpStatusCode.Forbidden));

        // Nothing was changed by the refused calls.
        Assert.Equal(3, (await node.GetMembersAsync()).CountUp);
        cluster.MarkPassed();
    }

    [Fact]
    public async Task Mutations_enabled_leave_removes_a_node_and_down_removes_an_unreachable_one()
    {
        var (cluster, config) = await ManagementCluster.StartAsync(output, mutations: true);
        await using var _ = cluster;
        using var __ = config;
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var addresses = await ManagementCluster.AddressesAsync(cluster);
        var (observer, crashed, leaver) = (cluster.Nodes[0], cluster.Nodes[1], cluster.Nodes[2]);
        using var admin = new ManagementHttp(observer);

        // Error shapes of the mutating routes.
        var leaverPath = ManagementHttp.Member(addresses[leaver]);
        Assert.Contains("'jump'", (await admin.PutFormAsync(leaverPath, ("operation", "jump"))).AssertProblem(HttpStatusCode.BadRequest));
        Assert.Contains("missing 'operation'", (await admin.PutJsonAsync(leaverPath, "{}")).AssertProblem(HttpStatusCode.BadRequest));
        Assert.Contains("not valid JSON", (await admin.PutJsonAsync(leaverPath, "{oops")).AssertProblem(HttpStatusCode.BadRequest));
        (await admin.PutFormAsync(ManagementHttp.Member("akka.tcp://media@127.0.0.1:1"), ("operation", "leave"))).AssertProblem(HttpStatusCode.NotFound);
        (await admin.DeleteAsync(ManagementHttp.Member("akka.tcp://media@127.0.0.1:1"))).AssertProblem(HttpStatusCode.NotFound);
        (await admin.PutFormAsync("cluster/members/nonsense", ("operation", "leave"))).AssertProblem(HttpStatusCode.BadRequest);
        (await admin.PostJsonAsync("cluster/members", """{"address":"nonsense"}""")).AssertProblem(HttpStatusCode.BadRequest);
        // Joining the cluster it is already in is accepted (and changes nothing), as in Akka Management.
        Assert.StartsWith("Joining", (await admin.PostJsonAsync("cluster/members", $$"""{"address":"{{addresses[observer]}}"}""")).AssertOk().Str("message"));
        Assert.Empty((await admin.PostJsonAsync("cluster/down-unreachable", "{}")).AssertOk().Json.GetProperty("downed").EnumerateArray());

        // PUT operation=leave: the member leaves, is removed, and its process exits 0 on its own.
        Assert.StartsWith("Leaving", (await admin.PutFormAsync(leaverPath, ("operation", "leave"))).AssertOk().Str("message"));
        Assert.Equal(0, await leaver.WaitForExitAsync(SpecTimeouts.GracefulExit));
        var survivors = new[] { observer, crashed };
        await NodeProcessCluster.AwaitViewAsync(survivors, v => !v.Has(addresses[leaver]) && v.CountUp == 2, SpecTimeouts.Downing, "leaver removed");

        // SIGKILL: unreachable (the slow split-brain resolver leaves it so), then PUT operation=down removes it.
        crashed.Kill();
        await NodeProcessCluster.AwaitViewAsync([observer], v => v.Unreachable.Contains(addresses[crashed]), SpecTimeouts.Downing, "crashed node unreachable");
        Assert.StartsWith("Downing", (await admin.PutJsonAsync(ManagementHttp.Member(addresses[crashed]), """{"operation":"down"}""")).AssertOk().Str("message"));
        await NodeProcessCluster.AwaitViewAsync([observer], v => !v.Has(addresses[crashed]) && v.Members.Count == 1 && v.Unreachable.Count == 0,
            SpecTimeouts.Downing, "crashed node downed and removed");
        Assert.Equal("Up", (await observer.GetMembersAsync()).SelfStatus);
        cluster.MarkPassed();
    }

    /// <summary>Reads GET /cluster/events up to the end of its first event.</summary>
    private static async Task<(string Name, JsonElement Data)> FirstEventAsync(HttpClient http)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await http.GetAsync("cluster/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        string? name = null, data = null;
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line["data: ".Length..];
            else if (line.Length == 0 && name is not null) break;
        }
        Assert.NotNull(name);
        return (name!, JsonDocument.Parse(data!).RootElement.Clone());
    }
}
