using System.Globalization;
using System.Text;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// Where the worker slots' time went between two instants (e.g. upload finished → title published): per slot busy and
/// idle by cause, the overall idle share, and a text chart (one line per slot, '#' busy, '.' idle). Pure; spans are
/// clipped to the window and overlapping spans of one slot count once.
/// </summary>
public sealed record TimelineAnalysis(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlotUsage> Slots)
{
    public TimeSpan Window => To > From ? To - From : TimeSpan.Zero;

    public TimeSpan Busy => Sum(s => s.Busy);

    public TimeSpan Lead => Sum(s => s.Lead);

    public TimeSpan Between => Sum(s => s.Between);

    public TimeSpan Tail => Sum(s => s.Tail);

    /// <summary>Idle slot-time over all slot-time in the window (0 when there are no slots).</summary>
    public double IdleShare => Slots.Count == 0 || Window <= TimeSpan.Zero ? 0 : (Lead + Between + Tail) / (Window * Slots.Count);

    /// <param name="slots">Every slot to account for, also those that ran nothing: (worker, node, slot count).</param>
    public static TimelineAnalysis Of(IEnumerable<EncodeSpan> spans, IEnumerable<WorkerSlots> slots, DateTimeOffset from, DateTimeOffset to)
    {
        var list = spans.ToList();
        var keys = slots.SelectMany(w => Enumerable.Range(0, Math.Max(0, w.Slots)).Select(i => (w.WorkerId, w.Node, Slot: i)))
            .Concat(list.Select(s => (WorkerId: s.Worker, s.Node, s.Slot)))
            .Distinct().OrderBy(k => k.Node, StringComparer.Ordinal).ThenBy(k => k.WorkerId, StringComparer.Ordinal).ThenBy(k => k.Slot);
        var usage = keys.Select(k => Usage(k.WorkerId, k.Node, k.Slot,
            list.Where(s => s.Worker == k.WorkerId && s.Slot == k.Slot), from, to)).ToList();
        return new TimelineAnalysis(from, to, usage);
    }

    /// <summary>One line per slot, <paramref name="width"/> cells over the window: '#' where the slot was busy for at least half the cell.</summary>
    public IReadOnlyList<string> Chart(IEnumerable<EncodeSpan> spans, int width)
    {
        var list = spans.ToList();
        var cell = Window / Math.Max(1, width);
        return Slots.Select((slot, n) =>
        {
            var merged = Merge(list.Where(s => s.Worker == slot.Worker && s.Slot == slot.Slot), From, To);
            var line = new StringBuilder();
            for (var i = 0; i < width; i++)
            {
                var (a, b) = (From + cell * i, From + cell * (i + 1));
                var busy = merged.Sum(m => Overlap(m.Start, m.End, a, b).Ticks);
                line.Append(cell > TimeSpan.Zero && busy * 2 >= cell.Ticks ? '#' : '.');
            }
            return string.Create(CultureInfo.InvariantCulture, $"slot {n,2} |{line}| idle {slot.IdleShare * 100,3:0}%");
        }).ToList();
    }

    private static SlotUsage Usage(string worker, string node, int slot, IEnumerable<EncodeSpan> spans, DateTimeOffset from, DateTimeOffset to)
    {
        var merged = Merge(spans, from, to);
        var window = to > from ? to - from : TimeSpan.Zero;
        if (merged.Count == 0) return new SlotUsage(worker, node, slot, 0, TimeSpan.Zero, window, TimeSpan.Zero, TimeSpan.Zero);
        var busy = TimeSpan.FromTicks(merged.Sum(m => (m.End - m.Start).Ticks));
        var lead = merged[0].Start - from;
        var tail = to - merged[^1].End;
        return new SlotUsage(worker, node, slot, merged.Count, busy, lead, window - busy - lead - tail, tail);
    }

    /// <summary>The spans clipped to the window, sorted, overlapping ones joined.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<EncodeSpan> spans, DateTimeOffset from, DateTimeOffset to)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var s in spans.Select(s => (Start: Max(s.StartedAt, from), End: Min(s.EndedAt, to))).Where(s => s.End > s.Start).OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Max(merged[^1].End, s.End));
            else merged.Add(s);
        }
        return merged;
    }

    private static TimeSpan Overlap(DateTimeOffset a1, DateTimeOffset b1, DateTimeOffset a2, DateTimeOffset b2) =>
        Min(b1, b2) - Max(a1, a2) is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private TimeSpan Sum(Func<SlotUsage, TimeSpan> part) => TimeSpan.FromTicks(Slots.Sum(s => part(s).Ticks));
}
