using Akka.Persistence.Journal;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Tags every image event in the journal so <see cref="ImageCatalog"/> reads all images' events with one events-by-tag
/// query (as the title catalog does for titles). Bound by <see cref="JournalHocon"/>.
/// </summary>
public sealed class ImageEventTagger : IWriteEventAdapter
{
    public const string Tag = "image";

    public string Manifest(object evt) => "";

    public object ToJournal(object evt) => evt is IImageEvent ? new Tagged(evt, [Tag]) : evt;

    public static string JournalHocon(string journalPath) => $$"""
        {{journalPath}} {
          event-adapters { image-tagger = "{{TypeName(typeof(ImageEventTagger))}}" }
          event-adapter-bindings { "{{TypeName(typeof(IImageEvent))}}" = image-tagger }
        }
        """;

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
