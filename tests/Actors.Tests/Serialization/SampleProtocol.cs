using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Tests.Serialization;

// Protocol types owned by this test assembly: they prove the serializer carries every shape our records use
// (nested records, lists, dictionaries, enums, nullables, times) before the domain has them all.

public enum SampleColour { Red, Green, Blue }

public sealed record SampleLine(string Sku, int Quantity, long PriceMinor);

[Manifest("test.sample-created.v1")]
public sealed record SampleCreated(Guid Id, string Name, SampleColour Colour, DateTimeOffset At, TimeSpan Ttl) : IProtocolMessage;

[Manifest("test.sample-order.v1")]
public sealed record SampleOrder(string OrderId, IReadOnlyList<SampleLine> Lines, IReadOnlyDictionary<string, string> Labels, string? Note, int? Priority) : IProtocolMessage;

[Manifest("test.sample-blob.v1")]
public sealed record SampleBlob(byte[] Bytes, bool Flag, double Ratio) : IProtocolMessage;
