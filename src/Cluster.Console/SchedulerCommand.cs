using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `scheduler jobs|trigger|pause|resume`: the recurring scheduler from GET /scheduler/jobs and its admin controls
/// (POST /scheduler/jobs/{job}/trigger|pause|resume, which need --token). --json prints the node's JSON.
/// </summary>
public static class SchedulerCommand
{
    public static async Task JobsAsync(CtlContext c, IReadOnlyList<string> args)
    {
        CtlCommands.NoArguments(args);
        var body = await c.Node.GetAsync("scheduler/jobs", c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var table = new TextTable("job", "schedule", "state", "next run", "last run", "outcome");
        foreach (var job in JsonNode.Parse(body)!["jobs"]!.AsArray())
        {
            var running = job!["running"];
            var state = job["paused"]!.GetValue<bool>() ? "paused"
                : running is not null ? $"running {CtlCommands.Num(running, "processed")}/{CtlCommands.Num(running, "total")}"
                : "idle";
            var last = job["lastRun"];
            table.Add(Str(job, "name"), Str(job, "schedule"), state, Time(Str(job, "nextRunAt")),
                last is null ? "-" : $"{Str(last, "runKey")} at {Time(Str(last, "finishedAt"))}", last is null ? "-" : Str(last, "outcome"));
        }
        c.Out.WriteLine(table);
    }

    public static async Task ControlAsync(CtlContext c, IReadOnlyList<string> args, string action)
    {
        if (args.Count != 1) throw new CtlException(CtlExitCodes.Usage, $"expected one job name, e.g. scheduler {action} billing-cycle");
        var body = await c.Node.PostJsonAsync($"scheduler/jobs/{NodeClient.Escape(args[0])}/{action}", null, c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var root = JsonNode.Parse(body);
        c.Out.WriteLine(action == "trigger"
            ? $"started run {Str(root, "runKey")}"
            : $"{Str(root, "name")} is {(root!["paused"]!.GetValue<bool>() ? "paused" : "active")}; next run {Time(Str(root, "nextRunAt"))}");
    }

    private static string Str(JsonNode? node, string name) => CtlCommands.Str(node, name) ?? "-";

    private static string Time(string? iso) =>
        DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'") : "-";
}
