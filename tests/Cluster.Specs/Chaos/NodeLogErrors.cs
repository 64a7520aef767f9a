
namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// The error lines the nodes logged during a run, for the report: under faults some are expected (a write refused
/// because another incarnation wrote first); a reader should see them without digging through full logs.
/// </summary>
public static class NodeLogErrors
{
    public static IReadOnlyList<string> Summarize(IEnumerable<NodeProcess> nodes, int examples = 8)
    {
        var errors = nodes.SelectMany(n => n.Log.Where(l => l.Contains(" ERR ", StringComparison.Ordinal)).Select(l => (n.Name, Line: l))).ToArray();
        var kinds = errors.GroupBy(e => Shape(e.Line)).OrderByDescending(g => g.Count()).Take(examples)
            .Select(g => $"  {g.Count()} x {g.First().Name}: {Truncate(g.First().Line)}");
        return [$"node logs: {errors.Length} ERR lines", .. kinds];
    }

    /// <summary>An error line without its time stamp and ids, so repeats of one kind group together.</summary>
    private static string Shape(string line)
    {
        var start = line.IndexOf(" ERR ", StringComparison.Ordinal);
        var text = line[start..];
        return new string(text.Where(c => !char.IsDigit(c)).Take(120).ToArray());
    }

    private static string Truncate(string line) => line.Length <= 300 ? line : line[..300] + "...";
}
