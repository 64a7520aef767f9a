using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `reports billing FROM TO` (GET /api/reports/billing, admin token) and `events TAG [AFTER]` (one page of
/// GET /api/events, --count N events at most, admin token). --json prints the node's JSON.
/// </summary>
public static class ReportsCommand
{
    public static async Task BillingAsync(CtlContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 2) throw new CtlException(CtlExitCodes.Usage, "expected two dates, e.g. reports billing 2026-01-01 2026-01-31");
        var body = await c.Node.GetAsync($"api/reports/billing?from={NodeClient.Escape(args[0])}&to={NodeClient.Escape(args[1])}", c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var report = JsonNode.Parse(body)!;
        var days = new TextTable("day", "plan", "currency", "revenue (minor)", "credits (minor)", "payments");
        foreach (var d in report["days"]!.AsArray())
            days.Add(Str(d, "day"), Str(d, "planId"), Str(d, "currency"), CtlCommands.Num(d, "revenueMinor"), CtlCommands.Num(d, "creditsMinor"),
                CtlCommands.Num(d, "payments"));
        c.Out.WriteLine(days);
        foreach (var t in report["totals"]!.AsArray())
            c.Out.WriteLine($"total {Str(t, "currency")}: revenue {CtlCommands.Num(t, "revenueMinor")}, credits {CtlCommands.Num(t, "creditsMinor")}, payments {CtlCommands.Num(t, "payments")}");
        c.Out.WriteLine("payment attempts: " + string.Join(", ", report["payments"]!.AsArray().Select(p => $"{Str(p, "result")} {CtlCommands.Num(p, "attempts")}")));
        var dunning = report["dunning"];
        c.Out.WriteLine($"dunning: entered {CtlCommands.Num(dunning, "entered")}, retried {CtlCommands.Num(dunning, "retried")}, " +
                        $"recovered {CtlCommands.Num(dunning, "recovered")}, cancelled {CtlCommands.Num(dunning, "cancelled")}");
    }

    public static async Task EventsAsync(CtlContext c, IReadOnlyList<string> args)
    {
        if (args.Count is < 1 or > 2) throw new CtlException(CtlExitCodes.Usage, "expected a tag and an optional offset, e.g. events title 0");
        var after = args.Count == 2 ? args[1] : "0";
        var body = await c.Node.GetAsync($"api/events?tag={NodeClient.Escape(args[0])}&after={NodeClient.Escape(after)}&limit={c.Options.Count ?? 20}", c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var page = JsonNode.Parse(body)!;
        var table = new TextTable("offset", "persistence id", "seq", "type", "timestamp");
        foreach (var e in page["events"]!.AsArray())
            table.Add(CtlCommands.Num(e, "offset"), Str(e, "persistenceId"), CtlCommands.Num(e, "sequenceNr"), Str(e, "type"), Str(e, "timestamp"));
        c.Out.WriteLine(table);
        c.Out.WriteLine($"next: {CtlCommands.Num(page, "next")} (events {args[0]} {CtlCommands.Num(page, "next")} for the following page)");
    }

    private static string Str(JsonNode? node, string name) => node?[name]?.ToString() ?? "-";
}
