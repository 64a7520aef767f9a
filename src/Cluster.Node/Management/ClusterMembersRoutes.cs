using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /cluster/members in the shape of Akka Management's Cluster HTTP routes (JVM), which operators' scripts know.
/// </summary>
public static class ClusterMembersRoutes
{
    public static IEndpointRouteBuilder MapClusterMembers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cluster/members", (ActorSystem system, NodeOptions options) => Results.Ok(Snapshot(system, options)))
            .WithName("GetClusterMembers")
            .WithTags("cluster");
        return app;
    }

    public static ClusterMembersResponse Snapshot(ActorSystem system, NodeOptions options)
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .Select(m => new ClusterMemberView(
                m.Address.ToString(), m.UniqueAddress.Uid, m.Status.ToString(), m.Roles.Order().ToArray(),
                unreachable.Contains(m.Address) ? "Unreachable" : "Reachable", m.AppVersion.ToString()))
            .ToArray();
        var oldest = state.Members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving)
            .OrderBy(m => m, Member.AgeOrdering).FirstOrDefault();
        return new ClusterMembersResponse(
            SelfNode: cluster.SelfAddress.ToString(),
            SelfName: options.NodeName,
            SelfStatus: cluster.SelfMember.Status.ToString(),
            Leader: state.Leader?.ToString(),
            Oldest: oldest?.Address.ToString(),
            Members: members,
            Unreachable: unreachable.Select(a => a.ToString()).Order().ToArray());
    }
}

public sealed record ClusterMemberView(string Node, long NodeUid, string Status, string[] Roles, string Reachability, string AppVersion);

public sealed record ClusterMembersResponse(
    string SelfNode, string SelfName, string SelfStatus, string? Leader, string? Oldest,
    ClusterMemberView[] Members, string[] Unreachable);
