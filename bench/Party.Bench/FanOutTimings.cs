using System.Diagnostics;

namespace MediaPlatform.Bench.Party;

/// <summary>
/// One round of a fan-out: when it was sent, and when each of the receivers first saw it (Stopwatch ticks; every
/// receiver lives in this process, so one clock times them all). Complete when every receiver has seen it.
/// </summary>
public sealed class FanOutTimings
{
    private readonly long[] _receivedAt;
    private int _missing;
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FanOutTimings(long marker, int receivers)
    {
        Marker = marker;
        _receivedAt = new long[receivers];
        _missing = receivers;
        SentAt = Stopwatch.GetTimestamp();
    }

    /// <summary>What identifies this round's message (a seek position, a published number).</summary>
    public long Marker { get; }

    public long SentAt { get; }

    /// <summary>When the sender got its answer (the party's reply to the hub call), if it waits for one.</summary>
    public long AnsweredAt { get; set; }

    public Task Complete => _complete.Task;

    public void Received(int receiver)
    {
        var now = Stopwatch.GetTimestamp();
        if (Interlocked.CompareExchange(ref _receivedAt[receiver], now, 0) != 0) return;
        if (Interlocked.Decrement(ref _missing) == 0) _complete.TrySetResult();
    }

    public double LastMs => Stopwatch.GetElapsedTime(SentAt, _receivedAt.Max()).TotalMilliseconds;

    public double FirstMs => Stopwatch.GetElapsedTime(SentAt, _receivedAt.Min()).TotalMilliseconds;

    public double MedianMs => Statistics.Median(_receivedAt.Select(t => Stopwatch.GetElapsedTime(SentAt, t).TotalMilliseconds));

    public double AnswerMs => AnsweredAt == 0 ? double.NaN : Stopwatch.GetElapsedTime(SentAt, AnsweredAt).TotalMilliseconds;

    public int Missing => Volatile.Read(ref _missing);
}
