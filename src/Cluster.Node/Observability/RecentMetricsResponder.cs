using Akka.Actor;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Observability;

/// <summary>Answers <see cref="GetRecentMetrics"/> with this node's ring, for the node that merges the cluster's series.</summary>
public sealed class RecentMetricsResponder : ReceiveActor
{
    public const string Name = "recent-metrics";

    public RecentMetricsResponder(RecentMetricsRecorder recorder)
    {
        Receive<GetRecentMetrics>(_ => Sender.Tell(recorder.Snapshot()));
    }
}
