using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Bench.Projections;

/// <summary>Writes a title's events to the journal under the title entity's persistence id, tagged as the entity's would be.</summary>
public sealed class CorpusWriter : ReceivePersistentActor
{
    public sealed record Write(IReadOnlyList<ITitleEvent> Events);

    public CorpusWriter(string titleId)
    {
        PersistenceId = TitleEntity.PersistenceIdPrefix + titleId;
        Command<Write>(write =>
        {
            var left = write.Events.Count;
            var replyTo = Sender;
            PersistAll(write.Events.Select(e => new Tagged(e, [TitleEventTagger.Tag])), _ =>
            {
                if (--left == 0) { replyTo.Tell(Done.Instance); Context.Stop(Self); }
            });
        });
        RecoverAny(_ => { });
    }

    public override string PersistenceId { get; }

    public sealed class Done { public static readonly Done Instance = new(); }
}
