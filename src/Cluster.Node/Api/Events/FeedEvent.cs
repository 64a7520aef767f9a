using System.Text.Json.Nodes;

namespace MediaPlatform.Node.Api.Events;

/// <summary>
/// One event of the feed: its journal ordering (the offset a consumer resumes after), whose event it is, its stored
/// manifest as the type, the time it was written, and its stored JSON (secrets redacted).
/// </summary>
public sealed record FeedEvent(long Offset, string PersistenceId, long SequenceNr, string Type, DateTimeOffset Timestamp, JsonNode? Data);

/// <summary>A page of the feed; <see cref="Next"/> is the offset to ask after next (the last event's, or the one asked after when empty).</summary>
public sealed record FeedPage(IReadOnlyList<FeedEvent> Events, long Next);
