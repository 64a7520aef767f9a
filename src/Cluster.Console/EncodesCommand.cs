using System.Globalization;
using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `encodes [batch-id]`: the transcode work queue (work items: a chunk encoded to every rung by one ffmpeg) from GET /cluster/transcode-queue — workers per node with their
/// encode slots, capacity (slots and the items queued ahead) and the work in flight on them, the batches held, and a summary line; with a batch id, that batch's
/// items from GET /cluster/transcode-queue/batches/{id}. --json prints the node's JSON.
/// </summary>
public static class EncodesCommand
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
        if (CtlCommands.PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var workers = new TextTable("node", "worker", "slots", "capacity", "running", "in flight");
        var workerList = root["workers"]!.AsArray();
        foreach (var w in workerList.OrderBy(w => Str(w, "node"), StringComparer.Ordinal))
        {
            var node = Str(w, "node") ?? "";
            var id = Str(w, "workerId") ?? "";
            workers.Add(node, id.StartsWith(node, StringComparison.Ordinal) ? id[node.Length..] : id, CtlCommands.Num(w, "slots"), CtlCommands.Num(w, "capacity"), CtlCommands.Num(w, "running"),
                w!["inFlight"]!.AsArray().Count.ToString(CultureInfo.InvariantCulture));
        }
        c.Out.WriteLine(workers);
        var batchList = root["batches"]!.AsArray();
        if (batchList.Count > 0)
        {
            c.Out.WriteLine();
            var batches = new TextTable("batch", "total", "done", "failed", "pending", "in flight", "state");
            foreach (var b in batchList)
                batches.Add(Str(b, "batchId"), CtlCommands.Num(b, "total"), CtlCommands.Num(b, "done"), CtlCommands.Num(b, "failed"), CtlCommands.Num(b, "pending"), CtlCommands.Num(b, "inFlight"),
                    b!["finished"]!.GetValue<bool>() ? "finished" : "running");
            c.Out.WriteLine(batches);
        }
        // Encode slots (ffmpeg at once); capacity adds the items each worker holds queued ahead.
        var slots = workerList.Sum(w => w!["slots"]?.GetValue<int>() ?? w!["capacity"]!.GetValue<int>());
        var nodes = root["inFlightByNode"]!.AsObject().Count(kv => kv.Value!.GetValue<int>() > 0);
        c.Out.WriteLine($"queue: {CtlCommands.Num(root, "pending")} pending, {CtlCommands.Num(root, "inFlight")} in flight on {nodes} node(s); " +
                        $"{workerList.Count} worker(s) with {slots} slot(s); {CtlCommands.Num(root, "completedTotal")} completed, {CtlCommands.Num(root, "failedTotal")} failed");
    }

    private static async Task BatchAsync(CtlContext c, string batchId)
    {
        var body = await c.Node.GetAsync($"cluster/transcode-queue/batches/{Uri.EscapeDataString(batchId)}", c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var root = JsonNode.Parse(body)!;
        var items = new TextTable("work", "status", "attempt", "failures", "node", "progress", "output / error");
        foreach (var i in root["items"]!.AsArray())
        {
            var progress = i!["progress"] is JsonValue p ? p.GetValue<double>().ToString("P0", CultureInfo.InvariantCulture) : "";
            var detail = Str(i["result"], "outputPath") ?? Str(i, "lastError");
            items.Add(Str(i, "workId"), Str(i, "status"), CtlCommands.Num(i, "attempt"), CtlCommands.Num(i, "failures"), Str(i, "node"), progress, detail);
        }
        c.Out.WriteLine(items);
        c.Out.WriteLine($"batch {batchId}: {CtlCommands.Num(root, "done")} done, {CtlCommands.Num(root, "failed")} failed, {CtlCommands.Num(root, "pending")} pending, " +
                        $"{CtlCommands.Num(root, "inFlight")} in flight of {CtlCommands.Num(root, "total")}{(root["finished"]!.GetValue<bool>() ? " (finished)" : "")}");
    }

    private static string? Str(JsonNode? node, string name) => CtlCommands.Str(node, name);

}
