namespace MediaPlatform.Bench.Projections;

/// <summary>One projection's lag as GET /cluster/projections answered it, <paramref name="At"/> seconds after the load started.</summary>
public sealed record LagSample(double At, string Name, string Tag, long Offset, long EventsBehind, double SecondsBehind);

/// <summary>GET /cluster/projections as read off the wire (declared here, so a contract change breaks the bench loudly).</summary>
public sealed record ProjectionsWire(IReadOnlyList<ProjectionWire> Projections);

/// <summary>One entry of <see cref="ProjectionsWire"/>.</summary>
public sealed record ProjectionWire(string Name, string Tag, long Offset, long EventsBehind, double SecondsBehind);

/// <summary>GET /cluster/singletons as read off the wire: where each singleton runs (the oldest member).</summary>
public sealed record SingletonsWire(string? Oldest, IReadOnlyList<SingletonWire> Singletons);

/// <summary>One entry of <see cref="SingletonsWire"/>.</summary>
public sealed record SingletonWire(string Name, string? Node);
