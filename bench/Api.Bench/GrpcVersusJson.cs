using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using MediaPlatform.Node.Grpc.V1;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Media;
using MediaPlatform.Testing.Nodes;

namespace MediaPlatform.Bench.Api;

/// <summary>
/// The questions other services ask in bulk, asked over gRPC and over the JSON routes on the same 3-node cluster, in the
/// same run: "what is title T" (GET /api/titles/{id} vs TitleCatalog.GetTitle / GetTitles) and "may user U play the
/// title" (GET /api/titles/{id}/entitlement as U vs Entitlements.CheckEntitlements with the admin token, fresh like the
/// JSON route, and with playback's remembered answers). The unit is questions answered per second.
/// </summary>
public static class GrpcVersusJson
{
    private const int Titles = 200;

    public static async Task RunAsync(BenchOptions options)
    {
        Console.WriteLine($"{options.Requests:N0} questions per path, gRPC batches of {options.Batch}, {options.Clients} concurrent clients, " +
                          $"{options.Runs} run(s), medians; {Environment.ProcessorCount} cores");
        var grpcPorts = Enumerable.Range(0, 3).Select(_ => FreePorts.Next()).ToArray();
        await using var cluster = await InProcessNodeCluster.StartAsync(3, "bench", nodeArgs: i => ["--grpc-port", grpcPorts[i].ToString()]);
        var pool = await UserPool.CreateAsync(cluster, options.Users);
        var titleIds = await CreateTitlesAsync(pool);
        var published = await PublishOneAsync(pool);
        Console.WriteLine($"{titleIds.Count} titles created; title {published} published through the pipeline");

        var channels = grpcPorts.Select(port => GrpcChannel.ForAddress($"http://127.0.0.1:{port}")).ToArray();
        var admins = cluster.BaseAddresses.Select(address => ApiClient.Authorized(address, InProcessNodeCluster.AdminToken)).ToArray();
        var admin = new CallOptions(new Metadata { { "authorization", $"Bearer {InProcessNodeCluster.AdminToken}" } });
        var members = pool.Members;
        var nodes = channels.Length;

        var catalogRows = new List<Question>
        {
            new("title lookup", "JSON GET /api/titles/{id}", 1, async (client, i) =>
                (await admins[(client + i) % nodes].GetAsync($"/api/titles/{titleIds[i % titleIds.Count]}")).IsSuccessStatusCode),
            new("title lookup", "gRPC GetTitle", 1, async (client, i) =>
                await Succeeds(async () => (await new TitleCatalog.TitleCatalogClient(channels[(client + i) % nodes])
                    .GetTitleAsync(new GetTitleRequest { TitleId = titleIds[i % titleIds.Count] }, admin)).TitleId != "")),
            new("title lookup", $"gRPC GetTitles ×{options.Batch}", options.Batch, async (client, i) =>
            {
                var request = new GetTitlesRequest();
                request.TitleIds.AddRange(Enumerable.Range(i * options.Batch, options.Batch).Select(k => titleIds[k % titleIds.Count]));
                return await Succeeds(async () => (await new TitleCatalog.TitleCatalogClient(channels[(client + i) % nodes]).GetTitlesAsync(request, admin))
                    .Results.All(r => r.OutcomeCase == TitleResult.OutcomeOneofCase.Title));
            }),
        };
        EntitlementQuery Query(int k, bool fresh) => new() { UserId = members[k % members.Count].UserId, TitleId = published, Fresh = fresh };
        Func<int, int, Task<bool>> Batch(bool fresh) => async (client, i) =>
        {
            var request = new CheckEntitlementsRequest();
            request.Queries.AddRange(Enumerable.Range(i * options.Batch, options.Batch).Select(k => Query(k, fresh)));
            return await Succeeds(async () => (await new Entitlements.EntitlementsClient(channels[(client + i) % nodes]).CheckEntitlementsAsync(request, admin))
                .Results.All(r => r.OutcomeCase == EntitlementResult.OutcomeOneofCase.Entitlement));
        };
        var entitlementRows = new List<Question>
        {
            new("may U play T", "JSON GET /api/titles/{id}/entitlement (fresh)", 1, async (client, i) =>
                (await members[i % members.Count].ClientPerNode[(client + i) % nodes].GetAsync($"/api/titles/{published}/entitlement")).IsSuccessStatusCode),
            new("may U play T", $"gRPC CheckEntitlements ×{options.Batch} (fresh)", options.Batch, Batch(fresh: true)),
            new("may U play T", $"gRPC CheckEntitlements ×{options.Batch} (playback's cache)", options.Batch, Batch(fresh: false)),
        };

        var rows = new List<(Question Question, LoadRun.Result Result)>();
        foreach (var group in new[] { catalogRows, entitlementRows })
        {
            foreach (var q in group) await LoadRun.RunAsync("warm-up", options.Clients, Math.Max(options.Clients, 200 / q.PerCall), q.Ask);
            var runs = group.ToDictionary(q => q, _ => new List<LoadRun.Result>());
            for (var run = 0; run < options.Runs; run++)
                foreach (var q in group)
                {
                    var result = await LoadRun.RunAsync(q.Path, options.Clients, Math.Max(1, options.Requests / q.PerCall), q.Ask);
                    runs[q].Add(result);
                    Console.WriteLine($"  {q.Name}, {q.Path}, run {run + 1}: {result.PerSecond * q.PerCall:N0} questions/s, {result.Failures} failed");
                }
            rows.AddRange(group.Select(q => (q, runs[q].OrderBy(r => r.PerSecond).ElementAt(runs[q].Count / 2))));
        }
        Print(rows);
        foreach (var channel in channels) channel.Dispose();
        foreach (var client in admins) client.Dispose();
    }

    /// <summary>One way of asking: <see cref="PerCall"/> questions answered by each call of <see cref="Ask"/>.</summary>
    private sealed record Question(string Name, string Path, int PerCall, Func<int, int, Task<bool>> Ask);

    private static void Print(List<(Question Question, LoadRun.Result Result)> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| question | path | calls/s | questions/s | p50 ms per call | p99 ms per call | failed calls | questions/s vs JSON |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (q, r) in rows)
        {
            var json = rows.First(x => x.Question.Name == q.Name).Result.PerSecond; // the JSON route is each group's first row
            Console.WriteLine($"| {q.Name} | {q.Path} | {r.PerSecond:N0} | {r.PerSecond * q.PerCall:N0} | {r.P50:0.0} | {r.P99:0.0} | {r.Failures} | {r.PerSecond * q.PerCall / json:0.00} |");
        }
    }

    private static async Task<bool> Succeeds(Func<Task<bool>> call)
    {
        try { return await call(); }
        catch (RpcException) { return false; }
    }

    /// <summary>Titles the catalog is asked about, spread over the pool's users (not published: the admin sees them all).</summary>
    private static async Task<List<string>> CreateTitlesAsync(UserPool pool)
    {
        var ids = new List<string>();
        for (var i = 0; i < Titles; i++)
        {
            var owner = pool.Members[i % pool.Members.Count].ClientPerNode[0];
            var response = await new ApiClient(owner).CreateTitleAsync($"Bench title {i}", "asked about in bulk");
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString()!);
        }
        return ids;
    }

    /// <summary>One title put through the real pipeline, so entitlement questions ask billing accounts (not "not published").</summary>
    private static async Task<string> PublishOneAsync(UserPool pool)
    {
        var owner = new ApiClient(pool.Members[0].ClientPerNode[0]);
        var created = await owner.CreateTitleAsync("Bench feature", "entitlements are asked about it");
        created.EnsureSuccessStatusCode();
        var titleId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString()!;
        (await owner.UploadSourceAsync(titleId, await Clips.Mp4BytesAsync(4, 320, 240))).EnsureSuccessStatusCode();
        await Eventually.AwaitAsync(async () =>
        {
            var status = (await owner.Http.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}")).GetProperty("status").GetString();
            if (status == "Failed") throw new InvalidOperationException($"title {titleId} failed in the pipeline");
            return status == "Published";
        }, TimeSpan.FromMinutes(5), $"title {titleId} published", TimeSpan.FromSeconds(1));
        return titleId;
    }
}
