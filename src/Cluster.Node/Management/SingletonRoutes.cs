using Akka.Actor;
using Akka.Cluster;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /cluster/singletons. Cluster singletons always run on the oldest Up member; the names listed are those in
/// <see cref="KnownSingletons"/>.
/// </summary>
public static class SingletonRoutes
{
    /// <summary>Names of the singletons the node starts; add one here when a singleton is introduced.</summary>
    public static readonly IReadOnlyList<string> KnownSingletons = [Actors.Scheduling.RecurringScheduler.Name, Actors.Work.TranscodeCoordinator.Name,
        Actors.Projections.ProjectionSupervisor.Name];

    public static IEndpointRouteBuilder MapSingletonRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cluster/singletons", (ActorSystem system) =>
        {
            var oldest = Cluster.Get(system).State.Members
                .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving)
                .OrderBy(m => m, Member.AgeOrdering).FirstOrDefault()?.Address.ToString();
            var singletons = KnownSingletons.Select(name => new SingletonView(name, oldest)).ToArray();
            var note = singletons.Length == 0
                ? "no cluster singletons are started by this node yet; when they exist they run on the oldest member"
                : "singletons run on the oldest member";
            return Results.Ok(new SingletonsResponse(oldest, singletons, note));
        }).WithTags("cluster").WithName("GetClusterSingletons");
        return app;
    }
}
