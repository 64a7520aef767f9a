using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Node.Persistence;

/// <summary>
/// A persistent actor that only recovers: recovery loads a snapshot and replays the journal, so the snapshot store
/// and the journal have both created their tables (the plugin's own DDL) before it answers <see cref="Ready"/>.
/// It never persists anything.
/// </summary>
public sealed class SchemaProbe : ReceivePersistentActor
{
    public sealed record Ready;

    private readonly IActorRef _replyTo;

    public SchemaProbe(IActorRef replyTo)
    {
        _replyTo = replyTo;
        // Always the plugin's journal: its auto-initialize is what creates the tables (with its own DDL).
        JournalPluginId = MediaPlatform.Node.Persistence.Journal.PluginSchema.PluginJournalId;
        Recover<RecoveryCompleted>(_ =>
        {
            _replyTo.Tell(new Ready());
            Context.Stop(Self);
        });
        RecoverAny(_ => { });
    }

    public override string PersistenceId => "schema-probe";

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        _replyTo.Tell(new Status.Failure(reason));
        base.OnRecoveryFailure(reason, message);
    }

    public static Props Props(IActorRef replyTo) => Akka.Actor.Props.Create(() => new SchemaProbe(replyTo));
}
