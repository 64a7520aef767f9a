namespace MediaPlatform.Actors.Entities;

/// <summary>
/// A command its entity answers the same way when it arrives again, whether or not the first copy was handled: the
/// ids it creates are in the message, and a repeat with the same fields replies as the first did. The API re-sends
/// such a command when its ask timed out (sharding delivers at most once, and a message in flight while a shard is
/// handed over to another node can be lost). Never put it on a command whose repeat would do the work twice.
/// </summary>
public interface IResendSafe;
