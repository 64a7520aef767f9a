namespace MediaPlatform.Bench.Journal;

/// <summary>Prints the results as a plain-text table (Markdown-compatible, so it can be pasted into a note).</summary>
public static class ResultTable
{
    public static void Print(IEnumerable<BackendResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"| backend    | journal events/s | raw rows/s | ratio | goal (>={BackendResult.Goal:0.00}) met? |");
        Console.WriteLine("|------------|-----------------:|-----------:|------:|:-------------------|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Backend,-10} | {r.JournalPerSecond,16:N0} | {r.RawPerSecond,10:N0} | {r.Ratio,5:0.00} | {(r.GoalMet ? "yes" : "no"),-18} |");
    }
}
