namespace MediaPlatform.Streams.Images;

/// <summary>
/// What the tag stage found: up to three dominant colours ("#rrggbb", most common first), a brightness class
/// (dark, medium, bright), a contrast class (low, medium, high), the share of edge pixels and whether that makes the
/// image mostly text, and a 64-bit difference hash for near duplicates (<see cref="PerceptualHash"/>).
/// </summary>
public sealed record ImageTags(
    IReadOnlyList<string> DominantColours,
    string Brightness,
    string Contrast,
    double EdgeDensity,
    bool MostlyText,
    ulong Hash);
