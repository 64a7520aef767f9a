using Akka.Persistence.Journal;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Tags every title event in the journal, so the catalog projection (Projections/Catalog) can read all titles' events with one
/// events-by-tag query instead of one per title. Bound to <see cref="ITitleEvent"/> by the journal's event-adapter
/// configuration (<see cref="JournalHocon"/>).
/// </summary>
public sealed class TitleEventTagger : IWriteEventAdapter
{
    public const string Tag = "title";

    public string Manifest(object evt) => "";

    public object ToJournal(object evt) => evt is ITitleEvent ? new Tagged(evt, [Tag]) : evt;

    /// <summary>The journal settings that bind the tagger to title events, for the journal at <paramref name="journalPath"/>.</summary>
    public static string JournalHocon(string journalPath) => $$"""
        {{journalPath}} {
          event-adapters { title-tagger = "{{TypeName(typeof(TitleEventTagger))}}" }
          event-adapter-bindings { "{{TypeName(typeof(ITitleEvent))}}" = title-tagger }
        }
        """;

    /// <summary>"Namespace.Type, Assembly": the form HOCON type bindings take.</summary>
    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
