using Akka.Actor;
using Akka.Persistence;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// Akka.Persistence.Sql's DDL stays the one source of the schema: before its first read or write the batched
/// journal asks the plugin's own journal for an empty replay. With auto-initialize on, that journal creates its
/// tables before it answers; the answer means they exist.
/// </summary>
public static class PluginSchema
{
    public const string PluginJournalId = "akka.persistence.journal.sql";

    public static async Task EnsureAsync(ActorSystem system, TimeSpan timeout)
    {
        var pluginJournal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(PluginJournalId);
        Func<IActorRef, object> emptyReplay = replyTo => new ReplayMessages(0, 0, 0, "batched-journal-schema", replyTo);
        var answer = await pluginJournal.Ask<object>(emptyReplay, timeout, CancellationToken.None);
        if (answer is ReplayMessagesFailure failure)
            throw new SchemaException($"the journal's tables could not be created: {failure.Cause.Message}", failure.Cause);
    }
}
