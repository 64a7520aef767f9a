using Akka.Actor;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Sends Identify to a wildcard selection (e.g. /user/*/*) and gathers the paths of the actors that answer until
/// replies stop coming for a moment, then answers its asker with them and stops. Used once per request and level.
/// </summary>
public sealed class ActorPathCollector : ReceiveActor
{
    public sealed record Collect(string SelectionPath, int Limit);

    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);
    private readonly List<string> _paths = [];

    public ActorPathCollector()
    {
        Receive<Collect>(collect =>
        {
            var asker = Sender;
            Context.ActorSelection(collect.SelectionPath).Tell(new Identify(null), Self);
            Context.SetReceiveTimeout(QuietPeriod);
            Become(() => Collecting(asker, collect.Limit));
        });
    }

    public static Props Props() => Akka.Actor.Props.Create<ActorPathCollector>();

    private void Collecting(IActorRef asker, int limit)
    {
        Receive<ActorIdentity>(identity =>
        {
            if (identity.Subject is { } subject && !subject.Equals(Self)) _paths.Add(subject.Path.ToStringWithoutAddress());
            if (_paths.Count >= limit) Finish(asker);
        });
        Receive<ReceiveTimeout>(_ => Finish(asker));
    }

    private void Finish(IActorRef asker)
    {
        asker.Tell(_paths.ToArray());
        Context.Stop(Self);
    }
}
