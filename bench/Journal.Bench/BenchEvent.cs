using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// The event the benchmark persists. It goes through the node's ProtocolSerializer like every domain event (the bench
/// assembly is registered through media-platform.serialization.extra-assemblies), so the journal does the same
/// serialization work per event as in production.
/// </summary>
[Manifest(Manifest)]
public sealed record BenchEvent(string Payload) : IProtocolMessage
{
    public const string Manifest = "bench.event.v1";

    /// <summary>Serializes to exactly 100 bytes of JSON: {"payload":"xxx…"} with an 86-character payload.</summary>
    public static BenchEvent Sample { get; } = new(new string('x', 86));
}
