using System.Text.Json.Nodes;

namespace MediaPlatform.Ctl;

/// <summary>
/// `cluster tail`: follows GET /cluster/events (server-sent events). Prints a one-line summary of the snapshot, then
/// one line per membership event as it arrives; stops on Ctrl-C, when the node ends the stream, or after --count
/// events (the snapshot does not count).
/// </summary>
public static class ClusterTail
{
    public static async Task RunAsync(CtlContext c, IReadOnlyList<string> args)
    {
        if (args.Count > 0) throw new CtlException(CtlExitCodes.Usage, $"unexpected argument '{args[0]}'");
        using var response = await c.Node.OpenStreamAsync("cluster/events", c.Cancel);
        await using var stream = await response.Content.ReadAsStreamAsync(c.Cancel);
        using var reader = new StreamReader(stream);
        var seen = 0;
        string? name = null;
        var data = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(c.Cancel) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal)) name = line[6..].Trim();
                else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Add(line[5..].Trim());
                else if (line.Length == 0 && name is not null)
                {
                    Print(c, name, string.Join("\n", data));
                    if (name != "snapshot" && ++seen >= (c.Options.Count ?? int.MaxValue)) return;
                    name = null;
                    data.Clear();
                }
            }
            c.Out.WriteLine("(the node ended the event stream)");
        }
        catch (OperationCanceledException) when (c.Cancel.IsCancellationRequested)
        {
            // Ctrl-C: the normal way to stop following
        }
        catch (IOException e)
        {
            throw new CtlException(CtlExitCodes.Unreachable, $"lost the event stream from {c.Node.Host}: {e.Message}");
        }
    }

    private static void Print(CtlContext c, string name, string json)
    {
        if (c.Options.Json)
        {
            c.Out.WriteLine(new JsonObject { ["event"] = name, ["data"] = JsonNode.Parse(json) }.ToJsonString());
        }
        else if (name == "snapshot")
        {
            var root = JsonNode.Parse(json)!;
            var members = root["members"]!.AsArray();
            c.Out.WriteLine($"{Now()} snapshot: {members.Count} member(s) " +
                            $"[{string.Join(", ", members.Select(m => $"{CtlCommands.Str(m, "node")} {CtlCommands.Str(m, "status")}"))}]");
        }
        else
        {
            var data = JsonNode.Parse(json);
            var subject = CtlCommands.Str(data, "node") ?? CtlCommands.Str(data, "leader") ?? "(none)";
            var status = CtlCommands.Str(data, "status");
            c.Out.WriteLine($"{Now()} {name} {subject}{(status is null ? "" : $" {status}")}");
        }
        c.Out.Flush();
    }

    private static string Now() => DateTime.Now.ToString("HH:mm:ss");
}
