using System.Text.Json;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// --log-format json: everything the node writes, from start-up through Akka's cluster lines to shutdown, is one JSON
/// object per line a log collector can read without a parser of its own.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class JsonLogSpecs(ITestOutputHelper output)
{
    private static readonly string[] Fields = ["time", "level", "node", "category", "message"];

    [Fact]
    public async Task A_node_started_with_json_logs_writes_only_json_objects_with_the_entry_fields()
    {
        using var dir = new TempDirectory("json-log");
        await using var node = new NodeProcess("json-node", dir.Path);
        await node.StartAsync(["--log-format", "json", "--node-name", "json-node"], SpecTimeouts.Formation);
        await Eventually.AwaitAsync(node.IsReadyAsync, SpecTimeouts.Formation, "json-node ready");
        node.Terminate();
        Assert.Equal(0, await node.WaitForExitAsync(SpecTimeouts.GracefulExit));

        // The spec's own notes in the captured output start with "--- "; everything else came from the node.
        var lines = node.Log.Where(l => !l.StartsWith("--- ", StringComparison.Ordinal) && l.Length > 0).ToList();
        output.WriteLine($"{lines.Count} lines; first: {lines.FirstOrDefault()}");
        Assert.True(lines.Count >= 5, $"only {lines.Count} log lines");
        var categories = new HashSet<string>();
        foreach (var line in lines)
        {
            using var entry = Parse(line);
            Assert.Equal(JsonValueKind.Object, entry.RootElement.ValueKind);
            foreach (var field in Fields)
                Assert.True(entry.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String, $"no {field} in: {line}");
            Assert.Equal("json-node", entry.RootElement.GetProperty("node").GetString());
            Assert.True(DateTimeOffset.TryParse(entry.RootElement.GetProperty("time").GetString(), out _), $"time is not a timestamp: {line}");
            categories.Add(entry.RootElement.GetProperty("category").GetString()!);
        }
        // Akka's own log events come through the same formatter, not Akka's standard-out logger.
        Assert.Contains(categories, c => c.StartsWith("Akka.", StringComparison.Ordinal));
    }

    private static JsonDocument Parse(string line)
    {
        try { return JsonDocument.Parse(line); }
        catch (JsonException e) { throw new Xunit.Sdk.XunitException($"not a JSON line ({e.Message}): {line}"); }
    }
}
