using System.Text.Json.Serialization;

namespace MediaPlatform.Streams.Quality.Pixels;

[JsonConverter(typeof(JsonStringEnumConverter<StuckPixelKind>))]
public enum StuckPixelKind
{
    /// <summary>Brighter than its neighbours in most frames (stuck on / hot).</summary>
    Bright,
    /// <summary>Darker than its neighbours in most frames (dead).</summary>
    Dark,
}

/// <summary>A pixel that stood out from its neighbourhood in <paramref name="Share"/> of the sampled frames.</summary>
public sealed record StuckPixel(int X, int Y, StuckPixelKind Kind, double Share);
