using System.Collections.Immutable;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The coordinator's memory of recent encodes (what ran where and when), for operators and the bench: not stored, so
/// a new coordinator starts it empty; bounded to the last <see cref="Kept"/> spans. One span per (work, attempt).
/// </summary>
public sealed record EncodeTimeline(ImmutableQueue<EncodeSpan> Spans, int Count)
{
    public const int Kept = 4096;

    public static readonly EncodeTimeline Empty = new(ImmutableQueue<EncodeSpan>.Empty, 0);

    public EncodeTimeline Add(EncodeSpan span)
    {
        // A report is resent until acknowledged: the same attempt is recorded once.
        if (Spans.Any(s => s.WorkId == span.WorkId && s.Attempt == span.Attempt && s.Worker == span.Worker)) return this;
        var spans = Spans.Enqueue(span);
        var count = Count + 1;
        while (count > Kept) (spans, count) = (spans.Dequeue(), count - 1);
        return new EncodeTimeline(spans, count);
    }

    public IReadOnlyList<EncodeSpan> Of(string? batchId) =>
        Spans.Where(s => batchId is null || s.BatchId == batchId).OrderBy(s => s.StartedAt).ToList();
}
