using Akka.Persistence.Journal;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// Tags the start of each new view (<see cref="TitleWatchStarted"/>) in the journal's tag table, so the views
/// projection reads every user's views with one events-by-tag query. Only starts are tagged: progress reports are most
/// of a viewer's events and no read model needs them, so the tag table does not grow with every position stored.
/// Bound to that one event type by <see cref="JournalHocon"/>.
/// </summary>
public sealed class WatchHistoryEventTagger : IWriteEventAdapter
{
    public const string Tag = "watch";

    public string Manifest(object evt) => "";

    public object ToJournal(object evt) => evt is TitleWatchStarted ? new Tagged(evt, [Tag]) : evt;

    public static string JournalHocon(string journalPath) => $$"""
        {{journalPath}} {
          event-adapters { watch-tagger = "{{TypeName(typeof(WatchHistoryEventTagger))}}" }
          event-adapter-bindings { "{{TypeName(typeof(TitleWatchStarted))}}" = watch-tagger }
        }
        """;

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
