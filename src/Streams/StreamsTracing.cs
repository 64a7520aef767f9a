using System.Diagnostics;

namespace MediaPlatform.Streams;

/// <summary>
/// Spans of media steps inside a larger one (each rung assembled while a title is packaged). They join whatever span
/// is current; the node exports this source's spans only when it records traces.
/// </summary>
public static class StreamsTracing
{
    public const string Name = "MediaPlatform.Streams";

    public static readonly ActivitySource Source = new(Name);
}
