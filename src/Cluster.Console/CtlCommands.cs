using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>The commands, in Petabridge.Cmd's vocabulary, and how a line of words finds its command.</summary>
public static class CtlCommands
{
    public static readonly IReadOnlyList<CtlCommand> All =
    [
        new("cluster show", "", "members: address | roles | status | reachability | app version", ClusterShow),
        new("cluster leader", "", "the leader and the oldest member", ClusterLeader),
        new("cluster join", "<address>", "make the node join the cluster at <address>", (c, a) => Mutate(c, "cluster/members", "POST", a, null)),
        new("cluster leave", "<address>", "ask the member to leave gracefully", (c, a) => Mutate(c, "cluster/members/", "PUT", a, "leave")),
        new("cluster down", "<address>", "mark the member down (for unreachable members)", (c, a) => Mutate(c, "cluster/members/", "PUT", a, "down")),
        new("cluster down-unreachable", "", "down every unreachable member", DownUnreachable),
        new("cluster tail", "[--count N]", "follow membership events until Ctrl-C or N events", ClusterTail.RunAsync),
        new("cluster sharding regions", "", "every shard region: shards and entities over the cluster", ShardingRegions),
        new("cluster sharding region-stats", "<region>", "one region's shards and entities per node", RegionStats),
        new("cluster singletons", "", "cluster singletons and where they run", Singletons),
        new("scheduler jobs", "", "recurring jobs: schedule, paused/running, next run, last run and its outcome", SchedulerCommand.JobsAsync),
        new("scheduler trigger", "<job>", "run a job now (admin token)", (c, a) => SchedulerCommand.ControlAsync(c, a, "trigger")),
        new("scheduler pause", "<job>", "stop a job's runs until resumed (admin token)", (c, a) => SchedulerCommand.ControlAsync(c, a, "pause")),
        new("scheduler resume", "<job>", "let a paused job run again (admin token)", (c, a) => SchedulerCommand.ControlAsync(c, a, "resume")),
        new("projections", "", "read models: offset, events and seconds behind", ProjectionsCommand.ListAsync),
        new("projections rebuild", "<name>", "empty a read model and apply its events again from offset 0 (admin token)", ProjectionsCommand.RebuildAsync),
        new("reports billing", "<from> <to>", "billing report for the days from..to (yyyy-MM-dd): revenue, credits, payment outcomes, dunning (admin token)", ReportsCommand.BillingAsync),
        new("events", "<tag> [after] [--count N]", "one page of a journal tag's events after an offset (title, image, billing; admin token)", ReportsCommand.EventsAsync),
        new("encodes", "[batch-id]", "the transcode work queue: workers, encodes in flight per node, batches (or one batch's items)", EncodesCommand.RunAsync),
        new("remote associations", "", "the members this node is connected to", RemoteAssociations),
        new("actor hierarchy", "[--depth N]", "actors under /user and /system (bounded)", ActorHierarchy),
        new("help", "", "this text", (c, _) => { c.Out.WriteLine(Usage.Text()); return Task.CompletedTask; }),
    ];

    /// <summary>The longest command whose words start the line, and the words after it; null when none matches.</summary>
    public static (CtlCommand Command, string[] Arguments)? Find(IReadOnlyList<string> words) =>
        All.Where(c => c.Words.Length <= words.Count && c.Words.SequenceEqual(words.Take(c.Words.Length), StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(c => c.Words.Length)
            .Select(c => ((CtlCommand, string[])?)(c, words.Skip(c.Words.Length).ToArray()))
            .FirstOrDefault();

    private static async Task ClusterShow(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync("cluster/members", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var table = new TextTable("address", "roles", "status", "reachability", "app version");
        var members = root["members"]!.AsArray();
        foreach (var m in members)
            table.Add(Str(m, "node"), string.Join(",", m!["roles"]!.AsArray().Select(r => r!.GetValue<string>())),
                Str(m, "status"), Str(m, "reachability"), Str(m, "appVersion"));
        c.Out.WriteLine(table);
        var up = members.Count(m => Str(m, "status") == "Up");
        c.Out.WriteLine($"{members.Count} member(s), {up} up, {root["unreachable"]!.AsArray().Count} unreachable; leader {Str(root, "leader") ?? "(none)"}; seen from {Str(root, "selfNode")}");
    }

    private static async Task ClusterLeader(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync("cluster/members", c.Cancel);
        if (PrintJson(c, JsonSerializer.Serialize(new { leader = Str(JsonNode.Parse(body), "leader"), oldest = Str(JsonNode.Parse(body), "oldest") }))) return;
        var root = JsonNode.Parse(body);
        c.Out.WriteLine($"leader: {Str(root, "leader") ?? "(none)"}");
        c.Out.WriteLine($"oldest: {Str(root, "oldest") ?? "(none)"}");
    }

    private static async Task Mutate(CtlContext c, string path, string method, IReadOnlyList<string> args, string? operation)
    {
        if (args.Count != 1) throw new CtlException(CtlExitCodes.Usage, "expected one member address, e.g. akka.tcp://media@127.0.0.1:4051");
        var body = method == "POST"
            ? await c.Node.PostJsonAsync(path, new { address = args[0] }, c.Cancel)
            : await c.Node.PutJsonAsync(path + NodeClient.Escape(args[0]), new { operation }, c.Cancel);
        if (PrintJson(c, body)) return;
        c.Out.WriteLine(Str(JsonNode.Parse(body), "message"));
    }

    private static async Task DownUnreachable(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.PostJsonAsync("cluster/down-unreachable", null, c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        c.Out.WriteLine(Str(root, "message"));
        foreach (var a in root["downed"]!.AsArray()) c.Out.WriteLine($"  {a}");
    }

    private static async Task ShardingRegions(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync("cluster/sharding", c.Cancel);
        if (PrintJson(c, body)) return;
        var table = new TextTable("region", "shards", "entities", "nodes", "error");
        var regions = JsonNode.Parse(body)!["regions"]!.AsArray();
        foreach (var r in regions)
            table.Add(Str(r, "region"), Num(r, "shardCount"), Num(r, "entityCount"), r!["nodes"]!.AsArray().Count.ToString(), Str(r, "error"));
        c.Out.WriteLine(table);
        c.Out.WriteLine($"{regions.Count} region(s)");
    }

    private static async Task RegionStats(CtlContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 1) throw new CtlException(CtlExitCodes.Usage, "expected one region name (see `cluster sharding regions`)");
        // This node's view first: it answers 404 with the list of regions when the name is unknown.
        var local = await c.Node.GetAsync($"cluster/shards/{Uri.EscapeDataString(args[0])}", c.Cancel);
        var body = await c.Node.GetAsync("cluster/sharding", c.Cancel);
        var region = JsonNode.Parse(body)!["regions"]!.AsArray().FirstOrDefault(r => Str(r, "region") == args[0]);
        if (PrintJson(c, new JsonObject { ["cluster"] = region?.DeepClone(), ["thisNode"] = JsonNode.Parse(local) }.ToJsonString())) return;
        var table = new TextTable("node", "shards", "entities");
        foreach (var n in region?["nodes"]?.AsArray() ?? []) table.Add(Str(n, "node"), Num(n, "shardCount"), Num(n, "entityCount"));
        c.Out.WriteLine(table);
        c.Out.WriteLine($"region {args[0]}: {Num(region, "shardCount")} shard(s), {Num(region, "entityCount")} entities" +
                        (Str(region, "error") is { } e ? $" ({e})" : ""));
    }

    private static async Task Singletons(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync("cluster/singletons", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var table = new TextTable("singleton", "node");
        foreach (var s in root["singletons"]!.AsArray()) table.Add(Str(s, "name"), Str(s, "node"));
        c.Out.WriteLine(table);
        c.Out.WriteLine($"oldest member: {Str(root, "oldest") ?? "(none)"}; {Str(root, "note")}");
    }

    private static async Task RemoteAssociations(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync("remote/associations", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var table = new TextTable("address", "status", "reachability");
        var list = root["associations"]!.AsArray();
        foreach (var a in list) table.Add(Str(a, "address"), Str(a, "status"), Str(a, "reachability"));
        c.Out.WriteLine(table);
        c.Out.WriteLine($"{list.Count} association(s) of {Str(root, "self")}");
    }

    private static async Task ActorHierarchy(CtlContext c, IReadOnlyList<string> args)
    {
        NoArguments(args);
        var body = await c.Node.GetAsync($"actors/hierarchy?depth={c.Options.Depth ?? 2}", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        foreach (var path in root["actors"]!.AsArray().Select(p => p!.GetValue<string>()))
        {
            var depth = path.Count(ch => ch == '/') - 2; // "/user/x" is the first level
            c.Out.WriteLine(new string(' ', Math.Max(0, depth) * 2) + path);
        }
        c.Out.WriteLine($"{Num(root, "count")} actor(s) to depth {Num(root, "depth")}{(root["truncated"]!.GetValue<bool>() ? " (truncated)" : "")}");
    }

    internal static bool PrintJson(CtlContext c, string body)
    {
        if (!c.Options.Json) return false;
        c.Out.WriteLine(body);
        return true;
    }

    internal static void NoArguments(IReadOnlyList<string> args)
    {
        if (args.Count > 0) throw new CtlException(CtlExitCodes.Usage, $"unexpected argument '{args[0]}'");
    }

    internal static string? Str(JsonNode? node, string name) =>
        node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static string Num(JsonNode? node, string name) => node?[name]?.ToJsonString() ?? "0";
}
