using Akka.Persistence.Journal;

namespace MediaPlatform.Actors.ReadSide;

/// <summary>
/// A write-side event adapter that puts every <typeparamref name="TEvent"/> into the journal's tag table under
/// <paramref name="tag"/>, so read sides (projections, the event feed, in-memory folds) read all entities of a kind with
/// one events-by-tag query instead of one per entity. Events written before a tagger was bound are not in the tag table.
/// A concrete tagger needs a parameterless constructor: the journal creates it from its type name.
/// </summary>
public abstract class EventTagger<TEvent>(string tag) : IWriteEventAdapter
{
    public string Manifest(object evt) => "";

    public object ToJournal(object evt) => evt is TEvent ? new Tagged(evt, [tag]) : evt;

    /// <summary>The journal settings that bind <paramref name="tagger"/> to <typeparamref name="TEvent"/> for the journal at <paramref name="journalPath"/>.</summary>
    protected static string BindingHocon(string journalPath, string adapterName, Type tagger) => $$"""
        {{journalPath}} {
          event-adapters { {{adapterName}} = "{{TypeName(tagger)}}" }
          event-adapter-bindings { "{{TypeName(typeof(TEvent))}}" = {{adapterName}} }
        }
        """;

    /// <summary>"Namespace.Type, Assembly": the form HOCON type bindings take.</summary>
    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
