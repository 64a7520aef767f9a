using Akka.Actor;
using Akka.Persistence.Query;
using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// The read side for listing and searching titles: one per node, every title's events (tag "title", see
/// <see cref="TitleEventTagger"/>) folded in memory with the entity's own <see cref="TitleState.Apply"/>
/// (<see cref="TagFold{TState,TEvent}"/>: loaded to the end first, then live). Sharded entities cannot be enumerated,
/// so the catalog reads the journal.
/// </summary>
public sealed class TitleCatalog(Func<IReadJournal> openJournal, TimeSpan retryAfter)
    : TagFold<TitleState, ITitleEvent>(openJournal, retryAfter, TitleEventTagger.Tag, TitleEntity.PersistenceIdPrefix, "title catalog")
{
    public const string Name = "title-catalog";

    public static Props PropsFor(Func<IReadJournal> openJournal, TimeSpan? retryAfter = null) =>
        Props.Create(() => new TitleCatalog(openJournal, retryAfter ?? TimeSpan.FromSeconds(3)));

    protected override TitleState Empty(string id) => TitleState.Empty(id);

    protected override TitleState Apply(TitleState state, ITitleEvent @event) => state.Apply(@event);

    protected override void Queries()
    {
        Receive<SearchTitles>(search => Sender.Tell(TitleSearch.Run(States.Select(t => t.Value), search)));
        Receive<FindTitle>(find => Sender.Tell(new TitleLookup(find.TitleId,
            StateOf(find.TitleId) is { Exists: true } known ? TitleSearch.Summary(known) : null)));
    }
}
