using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// Tags the start of each new view (<see cref="TitleWatchStarted"/>, tag "watch") in the journal's tag table, so the
/// views projection reads every user's views with one events-by-tag query. Only starts are tagged: progress reports are
/// most of a viewer's events and no read model needs them, so the tag table does not grow with every position stored.
/// Bound to that one event type by <see cref="JournalHocon"/>.
/// </summary>
public sealed class WatchHistoryEventTagger() : EventTagger<TitleWatchStarted>(Tag)
{
    public const string Tag = "watch";

    public static string JournalHocon(string journalPath) => BindingHocon(journalPath, "watch-tagger", typeof(WatchHistoryEventTagger));
}
