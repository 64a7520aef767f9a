using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Projections;

/// <summary>Empty the projection's tables and apply its tag again from offset 0 (sent to the projections singleton).</summary>
[Manifest("projection.rebuild.v1")]
public sealed record RebuildProjection(string Name) : IProtocolMessage;

/// <summary>The rebuild has started: the tables are empty and the projection reads its tag from the start.</summary>
[Manifest("projection.rebuild-started.v1")]
public sealed record ProjectionRebuildStarted(string Name) : IProtocolMessage;

/// <summary>No projection of that name runs here.</summary>
[Manifest("projection.unknown.v1")]
public sealed record UnknownProjection(string Name) : IProtocolMessage;
