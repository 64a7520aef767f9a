using System.Globalization;
using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `jobs [batch-id]`: the transcode work queue from GET /cluster/transcode-queue — workers per node with their
/// capacity and the work in flight on them, the batches held, and a summary line; with a batch id, that batch's
/// items from GET /cluster/transcode-queue/batches/{id}. --json prints the node's JSON.
/// </summary>
public static class JobsCommand
{
    public static Task RunAsync(CtlContext c, IReadOnlyList<string> args) => args.Count switch
    {
        0 => QueueAsync(c),
        1 => BatchAsync(c, args[0]),
        _ => throw new CtlException(CtlExitCodes.Usage, $"unexpected argument '{args[1]}'"),
    };

    private static async Task QueueAsync(CtlContext c)
    {
        var body = await c.Node.GetAsync("cluster/transcode-queue", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var workers = new TextTable("node", "worker", "capacity", "running", "in flight");
        var workerList = root["workers"]!.AsArray();
        foreach (var w in workerList.OrderBy(w => Str(w, "node"), StringComparer.Ordinal))
        {
            var node = Str(w, "node") ?? "";
            var id = Str(w, "workerId") ?? "";
            workers.Add(node, id.StartsWith(node, StringComparison.Ordinal) ? id[node.Length..] : id, Num(w, "capacity"), Num(w, "running"),
                w!["inFlight"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture));
        }
        c.Out.WriteLine(workers);
        var batchList = root["batches"]!.AsArray();
        if (batchList.Count > 0)
        {
            c.Out.WriteLine();
            var batches = new TextTable("batch", "total", "done", "failed", "pending", "in flight", "state");
            foreach (var b in batchList)
                batches.Add(Str(b, "batchId"), Num(b, "total"), Num(b, "done"), Num(b, "failed"), Num(b, "pending"), Num(b, "inFlight"),
                    b!["finished"]!.GetValue<bool>() ? "finished" : "running");
            c.Out.WriteLine(batches);
        }
        var slots = workerList.Sum(w => w!["capacity"]!.GetValue<int>());
        var nodes = root["inFlightByNode"]!.AsObject().Count(kv => kv.Value!.GetValue<int>() > 0);
        c.Out.WriteLine($"queue: {Num(root, "pending")} pending, {Num(root, "inFlight")} in flight on {nodes} node(s); " +
                        $"{workerList.Count} worker(s) with {slots} slot(s); {Num(root, "completedTotal")} completed, {Num(root, "failedTotal")} failed");
    }

    private static async Task BatchAsync(CtlContext c, string batchId)
    {
        var body = await c.Node.GetAsync($"cluster/transcode-queue/batches/{Uri.EscapeDataString(batchId)}", c.Cancel);
        if (PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var items = new TextTable("work", "status", "attempt", "failures", "node", "progress", "output / error");
        foreach (var i in root["items"]!.AsArray())
        {
            var progress = i!["progress"] is JsonValue p ? p.GetValue<double>().ToString("P0", CultureInfo.InvariantCulture) : "";
            var detail = Str(i["result"], "outputPath") ?? Str(i, "lastError");
            items.Add(Str(i, "workId"), Str(i, "status"), Num(i, "attempt"), Num(i, "failures"), Str(i, "node"), progress, detail);
        }
        c.Out.WriteLine(items);
        c.Out.WriteLine($"batch {batchId}: {Num(root, "done")} done, {Num(root, "failed")} failed, {Num(root, "pending")} pending, " +
                        $"{Num(root, "inFlight")} in flight of {Num(root, "total")}{(root["finished"]!.GetValue<bool>() ? " (finished)" : "")}");
    }

    private static bool PrintJson(CtlContext c, string body) => CtlCommands.PrintJson(c, body);

    private static string? Str(JsonNode? node, string name) => CtlCommands.Str(node, name);

    private static string Num(JsonNode? node, string name) => CtlCommands.Num(node, name);
}
