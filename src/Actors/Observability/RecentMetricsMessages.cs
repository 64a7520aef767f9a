using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// Asks a node's recent-metrics actor (<c>/user/recent-metrics</c>, on every node) for its ring of samples; answered
/// with <see cref="RecentMetrics"/>. Sent over remoting so one node can merge every member's series for the ops page.
/// </summary>
[Manifest("obs.get-recent.v1")]
public sealed record GetRecentMetrics : IProtocolMessage
{
    public static readonly GetRecentMetrics Instance = new();
}

/// <summary>One node's samples, oldest first, every <paramref name="IntervalSeconds"/>.</summary>
[Manifest("obs.recent.v1")]
public sealed record RecentMetrics(string Node, int IntervalSeconds, MetricsSample[] Samples) : IProtocolMessage;

/// <summary>
/// What one node did during one interval ending at <paramref name="At"/> (aligned to the interval, so samples of
/// different nodes line up). Latencies in milliseconds over the interval's recordings; 0 when there were none.
/// Payments by the gateway's answer: charged, declined, gateway-silent.
/// </summary>
public sealed record MetricsSample(
    DateTimeOffset At,
    long Requests, double RequestP50Ms, double RequestP99Ms,
    long JournalWrites, double JournalP50Ms, double JournalP99Ms,
    long EncodesCompleted, long PaymentsCharged, long PaymentsDeclined, long PaymentsSilent);
