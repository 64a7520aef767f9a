using System.Data.Common;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Projections;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /cluster/projections: every read model with its offset and lag (events of its tag the journal holds beyond the
/// offset; the age of the oldest of those events), read from the database, so any node answers.
/// POST /cluster/projections/{name}/rebuild empties a projection's tables and applies its tag again from offset 0
/// (through the projections singleton's proxy). `mpctl projections` and `mpctl projections rebuild NAME`.
/// </summary>
public static class ProjectionRoutes
{
    public sealed record ProjectionsResponse(IReadOnlyList<ProjectionStatus> Projections);

    public static IEndpointRouteBuilder MapProjectionRoutes(this IEndpointRouteBuilder app)
    {
        var projections = app.MapGroup("/cluster/projections").WithTags("cluster");
        projections.MapGet("/", async (ReadModelSchema schema, CancellationToken ct) =>
        {
            try
            {
                var now = DateTimeOffset.UtcNow;
                var list = new List<ProjectionStatus>();
                foreach (var projection in schema.Projections) list.Add(await ProjectionStatus.ReadAsync(schema, projection, now, ct));
                return Results.Ok(new ProjectionsResponse(list));
            }
            catch (DbException)
            {
                return ManagementProblems.Unavailable("the read model database could not be read; retry shortly");
            }
        }).WithName("GetProjections");

        projections.MapPost("/{name}/rebuild", async (string name, ReadModelSchema schema, IRequiredActor<EntityRegions.ProjectionsProxy> proxy,
            CancellationToken ct) =>
        {
            if (schema.Projections.All(p => p.Name != name))
                return ManagementProblems.NotFound($"no projection named '{name}'; known: {string.Join(", ", schema.Projections.Select(p => p.Name))}");
            try
            {
                var answer = await proxy.ActorRef.Ask<object>(new RebuildProjection(name), EntityAsk.DefaultTimeout, ct);
                return answer is ProjectionRebuildStarted started
                    ? Results.Accepted("/cluster/projections", started)
                    : ManagementProblems.NotFound($"no projection named '{name}' runs in the cluster");
            }
            catch (AskTimeoutException)
            {
                return ManagementProblems.Unavailable($"projection {name} did not start its rebuild in time (restarting after a failure?); retry shortly");
            }
        }).WithName("RebuildProjection");
        return app;
    }
}
