using Akka.Actor;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// Actor references inside our JSON messages and events, the way Akka itself writes them: the full path with the
/// node's address and the actor's uid (<see cref="Akka.Serialization.Serialization.SerializedActorPath"/>), resolved
/// back through the actor system's provider. A reference to an actor that no longer exists resolves to one whose
/// messages go to dead letters.
/// </summary>
public static class ActorRefText
{
    public static string Of(IActorRef actor) => Akka.Serialization.Serialization.SerializedActorPath(actor);

    public static IActorRef Resolve(ActorSystem system, string path) =>
        ((ExtendedActorSystem)system).Provider.ResolveActorRef(path);
}
