namespace MediaPlatform.Actors.Serialization;

/// <summary>
/// Marks every message and event that crosses the wire or reaches the journal. The marker binds
/// <see cref="ProtocolSerializer"/>; with strict serialization on, a type without it cannot be sent or persisted.
/// </summary>
public interface IProtocolMessage;
