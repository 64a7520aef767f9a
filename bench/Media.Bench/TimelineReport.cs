using MediaPlatform.Actors.Work;

namespace MediaPlatform.Bench.Media;

/// <summary>
/// Prints where the worker slots' time went from the end of the upload to the title being seen published: one chart
/// line per slot, its idle share, and the idle slot-time by cause (before the first encode: probe, prepare, split and
/// the first dispatch; between encodes: dispatch; after the last: other slots finishing, assembly, packaging, QC).
/// </summary>
public static class TimelineReport
{
    public const int Width = 72;

    public static TimelineAnalysis? Analyse(PipelineTimes times) => times.Timeline is { } t
        ? TimelineAnalysis.Of(t.Spans, t.Workers, times.UploadedAt, times.PublishedAt)
        : null;

    public static void Print(string scenario, PipelineTimes times)
    {
        if (times.Timeline is not { } timeline || Analyse(times) is not { } a)
        {
            Console.WriteLine($"{scenario}: no timeline");
            return;
        }
        var first = timeline.Spans.Count == 0 ? (TimeSpan?)null : timeline.Spans.Min(s => s.StartedAt) - times.UploadedAt;
        var last = timeline.Spans.Count == 0 ? (TimeSpan?)null : timeline.Spans.Max(s => s.EndedAt) - times.UploadedAt;
        Console.WriteLine($"{scenario}: timeline from upload done to published ({a.Window.TotalSeconds:0.0} s, {Width} cells of " +
                          $"{a.Window.TotalSeconds / Width:0.00} s), {timeline.Spans.Count} encodes; first encode started at " +
                          $"{first?.TotalSeconds:0.0} s, last ended at {last?.TotalSeconds:0.0} s");
        foreach (var line in a.Chart(timeline.Spans, Width)) Console.WriteLine("  " + line);
        var slotTime = a.Window * Math.Max(1, a.Slots.Count);
        Console.WriteLine($"  idle {a.IdleShare:P1} of {a.Slots.Count} slots x {a.Window.TotalSeconds:0.0} s: before the first encode " +
                          $"{Share(a.Lead, slotTime)}, between encodes {Share(a.Between, slotTime)}, after the last {Share(a.Tail, slotTime)}");
        var gaps = GapsBetween(timeline.Spans);
        if (gaps.Count > 0)
            Console.WriteLine($"  gaps between encodes on a slot: {gaps.Count}, median {Statistics.Median(gaps.Select(g => g.TotalMilliseconds)):0} ms, " +
                              $"max {gaps.Max().TotalMilliseconds:0} ms");
    }

    private static string Share(TimeSpan part, TimeSpan whole) =>
        $"{part.TotalSeconds:0.0} slot-s ({(whole > TimeSpan.Zero ? part / whole : 0):P1})";

    private static List<TimeSpan> GapsBetween(IReadOnlyList<EncodeSpan> spans) =>
        spans.GroupBy(s => (s.Worker, s.Slot))
            .SelectMany(g => g.OrderBy(s => s.StartedAt).Zip(g.OrderBy(s => s.StartedAt).Skip(1), (a, b) => b.StartedAt - a.EndedAt))
            .Where(d => d >= TimeSpan.Zero).ToList();
}
