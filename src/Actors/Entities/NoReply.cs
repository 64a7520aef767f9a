namespace MediaPlatform.Actors.Entities;

/// <summary>A decision's reply when the entity will answer later itself (after an asynchronous step).</summary>
public sealed class NoReply
{
    public static readonly NoReply Instance = new();
    private NoReply() { }
}
