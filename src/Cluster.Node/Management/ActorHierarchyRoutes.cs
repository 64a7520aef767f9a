using Akka.Actor;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /actors/hierarchy?depth=N: the actors under /user and /system down to N levels, found with ActorSelection and
/// Identify (the public way to see another actor's children). Depth and count are capped: a node with many live
/// entities has many thousands of actors.
/// </summary>
public static class ActorHierarchyRoutes
{
    public const int DefaultDepth = 2;
    public const int MaxDepth = 5;
    public const int MaxActors = 1000;
    private static readonly TimeSpan LevelTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapActorHierarchyRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/actors/hierarchy", async (int? depth, ActorSystem system, CancellationToken ct) =>
        {
            var levels = depth ?? DefaultDepth;
            if (levels is < 1 or > MaxDepth) return ManagementProblems.BadRequest($"depth must be 1..{MaxDepth}");
            var found = new List<string>();
            var truncated = false;
            for (var level = 1; level <= levels && !truncated; level++)
            {
                var wildcards = string.Concat(Enumerable.Repeat("/*", level));
                foreach (var root in new[] { "/user", "/system" })
                {
                    var room = MaxActors - found.Count;
                    if (room <= 0) { truncated = true; break; }
                    var collector = system.ActorOf(ActorPathCollector.Props());
                    try
                    {
                        var paths = await collector.Ask<string[]>(new ActorPathCollector.Collect(root + wildcards, room), LevelTimeout, ct);
                        found.AddRange(paths);
                        truncated |= paths.Length >= room;
                    }
                    catch (AskTimeoutException)
                    {
                        truncated = true; // a level that did not finish in time is reported as incomplete
                    }
                }
            }
            var actors = found.Distinct().Order(StringComparer.Ordinal).ToArray();
            return Results.Ok(new ActorHierarchyResponse(levels, actors.Length, truncated, actors));
        }).WithTags("actors").WithName("GetActorHierarchy");
        return app;
    }
}
