using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Tags every title event in the journal (tag "title"), for the catalog (listing and search) and semantic projections and
/// the event feed. Bound to <see cref="ITitleEvent"/> by <see cref="JournalHocon"/>.
/// </summary>
public sealed class TitleEventTagger() : EventTagger<ITitleEvent>(Tag)
{
    public const string Tag = "title";

    public static string JournalHocon(string journalPath) => BindingHocon(journalPath, "title-tagger", typeof(TitleEventTagger));
}
