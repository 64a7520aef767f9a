using Akka.Actor;
using Akka.Pattern;
using Akka.Persistence.Query;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// The cluster singleton that runs every projection once in the cluster: one <see cref="ProjectionRunner"/> per
/// projection, each under a back-off supervisor (a failing projection restarts after 1 s, 2 s, … up to the maximum,
/// and never takes the others down). After a fail-over the new oldest node starts them again and each resumes from
/// its stored offset.
/// </summary>
public sealed class ProjectionSupervisor : ReceiveActor
{
    public const string Name = "projections";

    public ProjectionSupervisor(ReadModelSchema schema, Func<IEventsByTagQuery> journal, ProjectionSettings settings)
    {
        var runners = new Dictionary<string, IActorRef>(StringComparer.Ordinal);
        foreach (var projection in schema.Projections)
        {
            var runner = ProjectionRunner.PropsFor(projection, schema, journal, settings);
            // OnFailure with the default decider: an exception restarts the runner after the back-off (a stopping
            // strategy would leave it stopped).
            var backoff = BackoffSupervisor.Props(Backoff.OnFailure(runner, "runner", settings.MinBackoff, settings.MaxBackoff, 0.2, -1));
            runners[projection.Name] = Context.ActorOf(backoff, projection.Name);
        }
        Receive<RebuildProjection>(rebuild =>
        {
            if (runners.TryGetValue(rebuild.Name, out var runner)) runner.Forward(rebuild);
            else Sender.Tell(new UnknownProjection(rebuild.Name));
        });
    }

    public static Props PropsFor(ReadModelSchema schema, Func<IEventsByTagQuery> journal, ProjectionSettings settings) =>
        Props.Create(() => new ProjectionSupervisor(schema, journal, settings));
}
