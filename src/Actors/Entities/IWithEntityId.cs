namespace MediaPlatform.Actors.Entities;

/// <summary>Carried by every message addressed to a sharded entity; its id routes the message.</summary>
public interface IWithEntityId
{
    string EntityId { get; }
}
