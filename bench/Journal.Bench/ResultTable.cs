namespace MediaPlatform.Bench.Journal;

/// <summary>Prints the results as plain-text tables (Markdown-compatible, so they can be pasted into a note).</summary>
public static class ResultTable
{
    public static void Print(IReadOnlyList<BackendResult> results)
    {
        Console.WriteLine();
        Console.WriteLine($"| backend    | journal events/s | raw rows/s | ratio | goal (>={BackendResult.Goal:0.00}) met? |");
        Console.WriteLine("|------------|-----------------:|-----------:|------:|:-------------------|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Backend,-10} | {r.JournalPerSecond,16:N0} | {r.RawPerSecond,10:N0} | {r.Ratio,5:0.00} | {(r.GoalMet ? "yes" : "no"),-18} |");

        if (results.Any(r => r.Recovery.HasValue))
        {
            Console.WriteLine();
            Console.WriteLine($"| backend    | recovery events/s | raw SELECT rows/s | ratio | goal (>={BackendResult.RecoveryGoal:N0}/s) met? |");
            Console.WriteLine("|------------|------------------:|------------------:|------:|:-------------------------|");
            foreach (var r in results.Where(r => r.Recovery.HasValue))
            {
                var (recovery, select) = (r.Recovery!.Value, r.Select!.Value);
                Console.WriteLine($"| {r.Backend,-10} | {recovery.PerSecond,17:N0} | {select.PerSecond,17:N0} | {recovery.PerSecond / select.PerSecond,5:0.00} | {(r.RecoveryGoalMet ? "yes" : "no"),-24} |");
            }
        }

        // CPU and allocations per item: what this process spent, whatever else the machine was doing (the database
        // server's own CPU, for PostgreSQL, is not in it).
        Console.WriteLine();
        Console.WriteLine("| backend    | journal µs CPU/event | journal KB/event | raw µs CPU/row | recovery µs CPU/event | recovery KB/event | raw SELECT µs CPU/row |");
        Console.WriteLine("|------------|---------------------:|-----------------:|---------------:|----------------------:|------------------:|----------------------:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Backend,-10} | {r.Journal.CpuMicrosPerItem,20:N1} | {r.Journal.BytesPerItem / 1024,16:N1} | {r.Raw.CpuMicrosPerItem,14:N1} | " +
                              $"{Show(r.Recovery, x => x.CpuMicrosPerItem),21} | {Show(r.Recovery, x => x.BytesPerItem / 1024),17} | {Show(r.Select, x => x.CpuMicrosPerItem),21} |");
    }

    /// <summary>Akka.Persistence.Sql's journal (the fallback write path) with the same writers, against the same raw baseline (medians).</summary>
    public static void PrintPlugin(IReadOnlyList<BackendResult> results)
    {
        foreach (var r in results)
            Console.WriteLine($"{r.Backend}, Akka.Persistence.Sql journal (journal-write-path = plugin): {r.Plugin.PerSecond:N0} events/s, ratio {r.Plugin.PerSecond / r.RawPerSecond:0.00} " +
                              $"({r.Plugin.CpuMicrosPerItem:N1} µs CPU, {r.Plugin.BytesPerItem / 1024:N1} KB per event); the node's journal writes {r.JournalPerSecond / r.Plugin.PerSecond:0.00}x as many");
    }

    private static string Show(Rate? rate, Func<Rate, double> figure) => rate is { } value ? figure(value).ToString("N1") : "-";
}
