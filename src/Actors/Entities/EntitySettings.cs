using Akka.Actor;

namespace MediaPlatform.Actors.Entities;

/// <summary>Entity mechanics shared by every entity type, read from <c>media-platform.entities</c>.</summary>
public sealed record EntitySettings(int SnapshotEvery)
{
    public static EntitySettings From(ActorSystem system)
    {
        var config = system.Settings.Config.GetConfig("media-platform.entities");
        var every = config?.GetInt("snapshot-every", 100) ?? 100;
        if (every < 1) throw new ArgumentException("media-platform.entities.snapshot-every must be at least 1");
        return new EntitySettings(every);
    }
}
