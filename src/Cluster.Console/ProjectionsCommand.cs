using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `projections` and `projections rebuild NAME`: the read models from GET /cluster/projections (offset, events and
/// seconds behind) and POST /cluster/projections/{name}/rebuild (admin token). --json prints the node's JSON.
/// </summary>
public static class ProjectionsCommand
{
    public static async Task ListAsync(CtlContext c, IReadOnlyList<string> args)
    {
        CtlCommands.NoArguments(args);
        var body = await c.Node.GetAsync("cluster/projections", c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        var table = new TextTable("projection", "tag", "offset", "events behind", "seconds behind", "last event");
        foreach (var p in JsonNode.Parse(body)!["projections"]!.AsArray())
            table.Add(Str(p, "name"), Str(p, "tag"), CtlCommands.Num(p, "offset"), CtlCommands.Num(p, "eventsBehind"),
                Str(p, "secondsBehind"), Str(p, "lastEventAt"));
        c.Out.WriteLine(table);
    }

    public static async Task RebuildAsync(CtlContext c, IReadOnlyList<string> args)
    {
        if (args.Count != 1) throw new CtlException(CtlExitCodes.Usage, "expected one projection name, e.g. projections rebuild catalog");
        var body = await c.Node.PostJsonAsync($"cluster/projections/{NodeClient.Escape(args[0])}/rebuild", null, c.Cancel);
        if (CtlCommands.PrintJson(c, body)) return;
        c.Out.WriteLine($"{Str(JsonNode.Parse(body), "name")} is rebuilding from offset 0 (follow it with `projections`)");
    }

    private static string Str(JsonNode? node, string name) => node?[name]?.ToString() ?? "-";
}
