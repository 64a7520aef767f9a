using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// Asks the coordinator for its recent encode spans, of one batch or (null) of all it remembers. Answered by the
/// coordinator actor itself (the timeline is not part of the stored queue) with <see cref="EncodeTimelineView"/>.
/// </summary>
[Manifest("work.get-timeline.v1")]
public sealed record GetEncodeTimeline(string? BatchId) : IProtocolMessage;

/// <summary>The registered workers (with their slot counts) and the spans, oldest start first.</summary>
[Manifest("work.timeline.v1")]
public sealed record EncodeTimelineView(IReadOnlyList<WorkerSlots> Workers, IReadOnlyList<EncodeSpan> Spans, DateTimeOffset At) : IProtocolMessage;

/// <summary>A worker's slots (encodes it runs at once) and cores, as it last checked in.</summary>
public sealed record WorkerSlots(string WorkerId, string Node, int Slots, int Cores);
