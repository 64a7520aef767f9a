namespace MediaPlatform.Testing;

/// <summary>Thrown inside an <see cref="Eventually"/> wait when retrying is pointless (e.g. the process polled has died):
/// ends the wait at once instead of at the deadline.</summary>
public class StopWaitingException(string message) : Exception(message);
