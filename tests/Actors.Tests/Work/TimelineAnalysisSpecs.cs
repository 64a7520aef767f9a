using MediaPlatform.Actors.Work;

namespace MediaPlatform.Actors.Tests.Work;

/// <summary>Where worker slots' time went: busy, idle before the first encode, between encodes and after the last.</summary>
public sealed class TimelineAnalysisSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Worker = "akka.tcp://media@10.0.0.1:4053/user/transcode-worker#1";
    private const string Node = "akka.tcp://media@10.0.0.1:4053";

    private static EncodeSpan Span(int slot, double from, double to, string workId = "w") =>
        new(workId + from, "b", 1, Worker, Node, slot, T0.AddSeconds(from), T0.AddSeconds(to), true);

    [Fact]
    public void Idle_time_must_be_split_into_before_the_first_between_and_after_the_last_encode_per_slot()
    {
        // Window 0..20 s. Slot 0: busy 2..8 and 9..15 → lead 2, between 1, tail 5. Slot 1 ran nothing: idle all window.
        var spans = new[] { Span(0, 2, 8), Span(0, 9, 15) };

        var a = TimelineAnalysis.Of(spans, [new WorkerSlots(Worker, Node, 2, 2)], T0, T0.AddSeconds(20));

        Assert.Equal(2, a.Slots.Count);
        var slot0 = a.Slots[0];
        Assert.Equal((0, 2), (slot0.Slot, slot0.Encodes));
        Assert.Equal([12.0, 2.0, 1.0, 5.0], new[] { slot0.Busy, slot0.Lead, slot0.Between, slot0.Tail }.Select(t => t.TotalSeconds));
        Assert.Equal(0.4, slot0.IdleShare, 3);
        Assert.Equal((20.0, 1.0), (a.Slots[1].Lead.TotalSeconds, a.Slots[1].IdleShare));
        Assert.Equal(28.0 / 40, a.IdleShare, 3);
        Assert.Equal((22.0, 1.0, 5.0), (a.Lead.TotalSeconds, a.Between.TotalSeconds, a.Tail.TotalSeconds));
    }

    [Fact]
    public void Spans_must_be_clipped_to_the_window_and_overlapping_spans_of_a_slot_counted_once()
    {
        // A resent report or a clock step may overlap spans; time before the window (e.g. an earlier title) is not counted.
        var spans = new[] { Span(0, -5, 4), Span(0, 3, 6), Span(0, 6, 10) };

        var slot = TimelineAnalysis.Of(spans, [], T0, T0.AddSeconds(10)).Slots.Single();

        Assert.Equal((10.0, 0.0, 0.0, 0.0), (slot.Busy.TotalSeconds, slot.Lead.TotalSeconds, slot.Between.TotalSeconds, slot.Tail.TotalSeconds));
        Assert.Equal(0, slot.IdleShare);
    }

    [Fact]
    public void The_chart_must_draw_one_line_per_slot_with_busy_cells_where_the_slot_encoded()
    {
        var spans = new[] { Span(0, 0, 5), Span(1, 5, 10) };
        var a = TimelineAnalysis.Of(spans, [new WorkerSlots(Worker, Node, 2, 2)], T0, T0.AddSeconds(10));

        var chart = a.Chart(spans, width: 10);

        Assert.Equal(["slot  0 |#####.....| idle  50%", "slot  1 |.....#####| idle  50%"], chart);
    }

    [Fact]
    public void An_empty_window_or_no_slots_must_report_no_idle_share_rather_than_fail()
    {
        Assert.Equal(0, TimelineAnalysis.Of([], [], T0, T0).IdleShare);
        Assert.Equal(0, TimelineAnalysis.Of([Span(0, 1, 2)], [], T0.AddSeconds(5), T0).IdleShare);
    }
}
