using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// media-platform.search.semantic: whether titles are embedded and searched by meaning at all (off: no semantic
/// projection, no model loaded, search is text only), the cosine similarity a title or dialogue window needs to count as
/// a semantic match, how many subtitle cues make one dialogue window (one vector), and how many vectors each node's
/// <see cref="SemanticIndex"/> may hold in memory (titles first, then dialogue windows until it is full).
/// </summary>
public sealed record SemanticSearchSettings(bool Enabled, double MinSimilarity, int WindowCues, int MaxVectors)
{
    public const string Path = "media-platform.search.semantic";

    /// <summary>≈ 430 MB per node: int8 vectors with their dialogue windows' text, ~0.86 KB each (bench/README.md).</summary>
    public const int DefaultMaxVectors = 500_000;

    public static readonly SemanticSearchSettings Default = new(true, 0.30, 4, DefaultMaxVectors);

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static SemanticSearchSettings From(Config root)
    {
        var enabled = root.HasPath($"{Path}.enabled") ? ReadEnabled(root) : Default.Enabled;
        return new SemanticSearchSettings(enabled,
            BoundedSetting.Number(root, $"{Path}.min-similarity", Default.MinSimilarity, -1, 1),
            BoundedSetting.Int(root, $"{Path}.window-cues", Default.WindowCues, 1, 50),
            BoundedSetting.Int(root, $"{Path}.max-vectors", Default.MaxVectors, 1, 100_000_000));
    }

    private static bool ReadEnabled(Config root)
    {
        try { return root.GetBoolean($"{Path}.enabled"); }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{Path}.enabled must be on or off");
        }
    }
}
