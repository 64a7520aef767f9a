using Akka.Cluster;

namespace MediaPlatform.Node.Management;

/// <summary>A cluster event as one server-sent event: its name (`member-up`, ...) and JSON data.</summary>
public static class ClusterEventNames
{
    public sealed record MemberEventData(string Node, long NodeUid, string Status, string[] Roles);

    public sealed record LeaderEventData(string? Leader);

    /// <summary>Null for events the stream does not carry.</summary>
    public static (string Name, object Data)? Describe(object clusterEvent) => clusterEvent switch
    {
        ClusterEvent.MemberJoined e => ("member-joined", Data(e.Member)),
        ClusterEvent.MemberUp e => ("member-up", Data(e.Member)),
        ClusterEvent.MemberWeaklyUp e => ("member-weakly-up", Data(e.Member)),
        ClusterEvent.MemberLeft e => ("member-left", Data(e.Member)),
        ClusterEvent.MemberExited e => ("member-exited", Data(e.Member)),
        ClusterEvent.MemberDowned e => ("member-downed", Data(e.Member)),
        ClusterEvent.MemberRemoved e => ("member-removed", Data(e.Member)),
        ClusterEvent.UnreachableMember e => ("unreachable-member", Data(e.Member)),
        ClusterEvent.ReachableMember e => ("reachable-member", Data(e.Member)),
        ClusterEvent.LeaderChanged e => ("leader-changed", new LeaderEventData(e.Leader?.ToString())),
        _ => null,
    };

    private static MemberEventData Data(Member m) =>
        new(m.Address.ToString(), m.UniqueAddress.Uid, m.Status.ToString(), m.Roles.Order().ToArray());
}
