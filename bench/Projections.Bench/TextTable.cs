namespace MediaPlatform.Bench.Projections;

/// <summary>A header and rows printed as a Markdown-style table, each column as wide as its widest cell.</summary>
public static class TextTable
{
    public static void Print(IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))));
        Console.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows) Console.WriteLine(string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))));
    }
}
