using System.Net;
using System.Text.Json;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Three nodes on a shared journal, where the oldest — the singletons' host — also hosts some billing accounts, each
/// with one order. The scheduler's billing job is paused first, so its persisted state can be recognised wherever
/// the singleton runs next. Then the host is frozen (SIGSTOP) and the survivors must down it and take its work over.
/// </summary>
public sealed class FrozenHostScenario : IAsyncDisposable
{
    public const string Job = "billing-cycle";
    private const int AccountCount = 15;
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(60);
    private readonly SharedJournal _journal;
    private readonly Dictionary<NodeProcess, NodeApi> _apis;

    private FrozenHostScenario(SharedJournal journal, NodeProcessCluster cluster, Dictionary<NodeProcess, NodeApi> apis) =>
        (_journal, Cluster, _apis) = (journal, cluster, apis);

    public NodeProcessCluster Cluster { get; }
    public NodeProcess Frozen { get; private set; } = null!;
    public string FrozenAddress { get; private set; } = "";
    public long FrozenUid { get; private set; }
    public IReadOnlyList<NodeProcess> Survivors { get; private set; } = [];
    public IReadOnlyCollection<string> HostedShards { get; private set; } = [];

    /// <summary>The accounts whose entities live on the node that is frozen, with the invoice each ordered before.</summary>
    public IReadOnlyDictionary<ChaosAccount, string> Hosted { get; private set; } = new Dictionary<ChaosAccount, string>();

    public NodeApi Api(NodeProcess node) => _apis[node];

    public static async Task<FrozenHostScenario> StartAsync(string purpose, ITestOutputHelper output, Action<string> note)
    {
        var journal = await SharedJournal.CreateAsync(purpose);
        var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, journal.ConnectionString, ChaosNodeConfig.Arguments));
        var scenario = new FrozenHostScenario(journal, cluster, cluster.Nodes.ToDictionary(n => n, n => new NodeApi(n)));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        note($"3 nodes Up on the journal: {journal.Description}");
        await scenario.PlaceWorkAsync();
        note($"{scenario.Frozen.Name} ({scenario.FrozenAddress}) hosts the singletons, {scenario.HostedShards.Count} " +
             $"{AccountShards.Region} shards and {scenario.Hosted.Count} of {AccountCount} accounts; job {Job} paused");
        return scenario;
    }

    private async Task PlaceWorkAsync()
    {
        var view = await Cluster.Nodes[0].GetMembersAsync();
        Frozen = Cluster.Nodes.Single(n => FaultInjector.AddressOf(n, view) == view.Oldest);
        FrozenAddress = view.Oldest!;
        FrozenUid = view.Members.Single(m => m.Node == FrozenAddress).NodeUid;
        Survivors = Cluster.Nodes.Where(n => n != Frozen).ToArray();
        (await Api(Frozen).SendAsync(HttpMethod.Post, $"/scheduler/jobs/{Job}/pause", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK);

        var accounts = await ChaosSignUp.AccountsAsync(Cluster, AccountCount);
        var invoices = new Dictionary<ChaosAccount, string>();
        foreach (var (account, i) in accounts.Select((a, i) => (a, i)))
            invoices[account] = (await Api(Cluster.Nodes[i % 3]).SendAsync(HttpMethod.Post, account.Orders, account.Token,
                    new { titleId = $"before-{i}" }, $"before-{i}"))
                .Expect(HttpStatusCode.Created).Json.GetProperty("invoice").GetProperty("invoiceId").GetString()!;
        HostedShards = await ShardsHostedByAsync(Api(Frozen));
        Hosted = invoices.Where(a => HostedShards.Contains(AccountShards.ShardOf(a.Key.UserId))).ToDictionary();
        Assert.NotEmpty(Hosted);
    }

    /// <summary>SIGSTOP the host; returns how long the survivors took to down and remove it.</summary>
    public Task<TimeSpan> FreezeUntilDownedAsync()
    {
        Frozen.Stop();
        return NodeProcessCluster.AwaitViewAsync(Survivors, v => !v.Has(FrozenAddress) && v.CountUp == 2 && v.Unreachable.Count == 0,
            SpecTimeouts.Downing, $"{Frozen.Name} downed and removed");
    }

    /// <summary>
    /// Waits until, on every survivor, the singletons run on a survivor with their persisted state and every moved
    /// account answers its invoice and takes one new order ("after", the same key from each survivor).
    /// </summary>
    public async Task<TimeSpan> AwaitTakeoverAsync()
    {
        var took = await Eventually.AwaitAssertAsync(async () =>
        {
            foreach (var node in Survivors) await AssertWorkServedAsync(Api(node));
        }, Takeover);
        var survivorShards = (await Task.WhenAll(Survivors.Select(n => ShardsHostedByAsync(Api(n))))).SelectMany(s => s).ToHashSet();
        Assert.Subset(survivorShards, HostedShards.ToHashSet());
        return took;
    }

    public static async Task<IReadOnlyList<string>> InvoiceTitlesAsync(NodeApi api, ChaosAccount account) =>
        (await api.SendAsync(HttpMethod.Get, account.Invoices, account.Token)).Expect(HttpStatusCode.OK).Json
            .GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!).ToArray();

    private async Task AssertWorkServedAsync(NodeApi api)
    {
        var oldest = (await api.SendAsync(HttpMethod.Get, "/cluster/singletons", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK).Json.GetProperty("oldest").GetString();
        Assert.True(oldest != FrozenAddress && Survivors.Any(s => oldest!.EndsWith($":{s.RemotePort}", StringComparison.Ordinal)),
            $"{api.Node.Name}: singletons on {oldest}");
        var job = (await api.SendAsync(HttpMethod.Get, $"/scheduler/jobs/{Job}", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK).Json;
        Assert.True(job.GetProperty("paused").GetBoolean(), $"{api.Node.Name}: the scheduler lost its persisted pause: {job}");
        foreach (var (account, invoiceId) in Hosted)
        {
            var stored = (await api.SendAsync(HttpMethod.Get, account.Invoices, account.Token)).Expect(HttpStatusCode.OK).Json;
            Assert.Contains(invoiceId, stored.GetProperty("invoices").EnumerateArray().Select(i => i.GetProperty("invoiceId").GetString()));
            (await api.SendAsync(HttpMethod.Post, account.Orders, account.Token, new { titleId = "after" }, "after")).Expect(HttpStatusCode.Created);
        }
    }

    private static async Task<IReadOnlyCollection<string>> ShardsHostedByAsync(NodeApi api) =>
        (await api.SendAsync(HttpMethod.Get, $"/cluster/shards/{AccountShards.Region}", NodeProcessCluster.AdminToken)).Expect(HttpStatusCode.OK).Json
            .GetProperty("shards").EnumerateArray().Select(s => s.GetProperty("shardId").GetString()!).ToArray();

    public async ValueTask DisposeAsync()
    {
        foreach (var api in _apis.Values) api.Dispose();
        await Cluster.DisposeAsync();
        await _journal.DisposeAsync();
    }
}
