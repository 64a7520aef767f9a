namespace MediaPlatform.Actors.Parties;

/// <summary>
/// A change a member's client asked for under its own operation id (one per hub call): remembered so that a retry of
/// the same call (after a time-out or a reconnect) is acknowledged without being applied twice.
/// </summary>
public sealed record PartyOperation(string UserId, string OperationId);
