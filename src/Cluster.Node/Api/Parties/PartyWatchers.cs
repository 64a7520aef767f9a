using Akka.Actor;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// This node's parties with connections here: one <see cref="PartyWatcher"/> per party while at least one local
/// connection watches it, so a node subscribes only to the topics its own clients need.
/// </summary>
public sealed class PartyWatchers : ReceiveActor
{
    public sealed record Watch(string PartyId, string ConnectionId);

    public sealed record Unwatch(string PartyId, string ConnectionId);

    private readonly Dictionary<string, (IActorRef Watcher, HashSet<string> Connections)> _parties = new(StringComparer.Ordinal);

    public PartyWatchers(Func<string, Props> watcherProps)
    {
        Receive<Watch>(w =>
        {
            if (!_parties.TryGetValue(w.PartyId, out var entry))
            {
                entry = (Context.ActorOf(watcherProps(w.PartyId)), new HashSet<string>(StringComparer.Ordinal));
                _parties[w.PartyId] = entry;
            }
            entry.Connections.Add(w.ConnectionId);
        });
        Receive<Unwatch>(u =>
        {
            if (!_parties.TryGetValue(u.PartyId, out var entry)) return;
            entry.Connections.Remove(u.ConnectionId);
            if (entry.Connections.Count > 0) return;
            Context.Stop(entry.Watcher);
            _parties.Remove(u.PartyId);
        });
    }

    public static Props PropsFor(Func<string, Props> watcherProps) => Props.Create(() => new PartyWatchers(watcherProps));

    /// <summary>A watcher that fails is restarted: it subscribes again and catches up from the entity.</summary>
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart);
}
