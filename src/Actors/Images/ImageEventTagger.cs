using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Tags every image event in the journal (tag "image"), so <see cref="ImageCatalog"/> and the event feed read all images'
/// events with one events-by-tag query. Bound to <see cref="IImageEvent"/> by <see cref="JournalHocon"/>.
/// </summary>
public sealed class ImageEventTagger() : EventTagger<IImageEvent>(Tag)
{
    public const string Tag = "image";

    public static string JournalHocon(string journalPath) => BindingHocon(journalPath, "image-tagger", typeof(ImageEventTagger));
}
