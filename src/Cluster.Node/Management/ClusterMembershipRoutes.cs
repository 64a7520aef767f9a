using Akka.Actor;
using Akka.Cluster;

namespace MediaPlatform.Node.Management;

/// <summary>
/// One member and membership changes, after Akka Management's Cluster HTTP routes: GET, PUT (operation=leave|down)
/// and DELETE (leave) on /cluster/members/{address}, POST /cluster/members (join), POST /cluster/down-unreachable.
/// The address may be URL-encoded; a catch-all segment also takes it unencoded (its "//" would split a plain segment).
/// </summary>
public static class ClusterMembershipRoutes
{
    public static IEndpointRouteBuilder MapClusterMembership(this IEndpointRouteBuilder app)
    {
        var cluster = app.MapGroup("/cluster").WithTags("cluster");

        cluster.MapGet("/members/{**address}", (string address, ActorSystem system) =>
        {
            if (FindMember(address, system, out var problem) is not { } member) return problem!;
            var unreachable = Cluster.Get(system).State.Unreachable.Any(m => m.Address.Equals(member.Address));
            return Results.Ok(new ClusterMemberView(member.Address.ToString(), member.UniqueAddress.Uid, member.Status.ToString(),
                member.Roles.Order().ToArray(), unreachable ? "Unreachable" : "Reachable", member.AppVersion.ToString()));
        }).WithName("GetClusterMember");

        cluster.MapPut("/members/{**address}", async (string address, HttpRequest request, ActorSystem system, CancellationToken ct) =>
        {
            if (FindMember(address, system, out var problem) is not { } member) return problem!;
            var (operation, error) = await RequestFields.ReadAsync(request, "operation", ct);
            if (error is not null) return ManagementProblems.BadRequest(error);
            return operation?.Trim().ToLowerInvariant() switch
            {
                "leave" => Leave(system, member.Address),
                "down" => Down(system, member.Address),
                null or "" => ManagementProblems.BadRequest("missing 'operation' (leave or down)"),
                var other => ManagementProblems.BadRequest($"operation '{other}' is not one of: leave, down"),
            };
        }).RequireManagementMutations().WithName("UpdateClusterMember");

        cluster.MapDelete("/members/{**address}", (string address, ActorSystem system) =>
            FindMember(address, system, out var problem) is { } member ? Leave(system, member.Address) : problem!)
            .RequireManagementMutations().WithName("RemoveClusterMember");

        cluster.MapPost("/members", async (HttpRequest request, ActorSystem system, CancellationToken ct) =>
        {
            var (text, error) = await RequestFields.ReadAsync(request, "address", ct);
            if (error is not null) return ManagementProblems.BadRequest(error);
            if (MemberAddress.TryParse(text, system, out var invalid) is not { } address) return ManagementProblems.BadRequest(invalid);
            Cluster.Get(system).Join(address);
            return Results.Ok(new MembershipChangeResponse($"Joining {address}", address.ToString()));
        }).RequireManagementMutations().WithName("JoinCluster");

        cluster.MapPost("/down-unreachable", (ActorSystem system) =>
        {
            var akkaCluster = Cluster.Get(system);
            var downed = akkaCluster.State.Unreachable.Select(m => m.Address).ToArray();
            foreach (var address in downed) akkaCluster.Down(address);
            return Results.Ok(new DownUnreachableResponse(
                downed.Length == 0 ? "no unreachable members" : $"Downing {downed.Length} unreachable member(s)",
                downed.Select(a => a.ToString()).Order().ToArray()));
        }).RequireManagementMutations().WithName("DownUnreachableMembers");

        return app;
    }

    private static IResult Leave(ActorSystem system, Address address)
    {
        Cluster.Get(system).Leave(address);
        return Results.Ok(new MembershipChangeResponse($"Leaving {address}", address.ToString()));
    }

    private static IResult Down(ActorSystem system, Address address)
    {
        Cluster.Get(system).Down(address);
        return Results.Ok(new MembershipChangeResponse($"Downing {address}", address.ToString()));
    }

    /// <summary>The member with that address; otherwise null and a 400 (not an address) or 404 (not a member).</summary>
    private static Member? FindMember(string raw, ActorSystem system, out IResult? problem)
    {
        problem = null;
        if (MemberAddress.TryParse(raw, system, out var error) is not { } address)
        {
            problem = ManagementProblems.BadRequest(error);
            return null;
        }
        var member = Cluster.Get(system).State.Members.FirstOrDefault(m => m.Address.Equals(address));
        if (member is null) problem = ManagementProblems.NotFound($"{address} is not a member of this cluster");
        return member;
    }
}
