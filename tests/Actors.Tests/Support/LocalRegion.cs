using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>
/// Stands in for a shard region inside one ActorSystem: one child per entity id, created on its first message,
/// like sharding does. <see cref="StopEntity"/> stops a child (as passivation or a node loss would) and answers
/// once it is gone, so the next message starts a fresh incarnation that must recover from the journal.
/// </summary>
public sealed class LocalRegion : ReceiveActor
{
    private readonly Func<string, Props> _entityProps;
    private readonly Dictionary<IActorRef, IActorRef> _stopRequesters = [];

    public LocalRegion(Func<string, Props> entityProps)
    {
        _entityProps = entityProps;
        Receive<StopEntity>(Stop);
        Receive<Terminated>(t =>
        {
            if (_stopRequesters.Remove(t.ActorRef, out var requester)) requester.Tell(new EntityStopped(t.ActorRef.Path.Name));
        });
        Receive<IWithEntityId>(m => EntityFor(m.EntityId).Forward(m));
    }

    public static Props PropsFor(Func<string, Props> entityProps) => Props.Create(() => new LocalRegion(entityProps));

    private IActorRef EntityFor(string id)
    {
        var name = Uri.EscapeDataString(id);
        var child = Context.Child(name);
        return child.IsNobody() ? Context.ActorOf(_entityProps(id), name) : child;
    }

    private void Stop(StopEntity stop)
    {
        var child = Context.Child(Uri.EscapeDataString(stop.EntityId));
        if (child.IsNobody())
        {
            Sender.Tell(new EntityStopped(stop.EntityId));
            return;
        }
        Context.Watch(child);
        _stopRequesters[child] = Sender;
        Context.Stop(child);
    }

    public sealed record StopEntity(string EntityId) : INoSerializationVerificationNeeded;

    public sealed record EntityStopped(string Name) : INoSerializationVerificationNeeded;
}
