using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Entities;

/// <summary>Entity mechanics shared by every entity type, read from <c>media-platform.entities</c>.</summary>
public sealed record EntitySettings(int SnapshotEvery)
{
    public const string Path = "media-platform.entities";

    public static EntitySettings From(ActorSystem system) => From(system.Settings.Config);

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static EntitySettings From(Config root)
    {
        var path = $"{Path}.snapshot-every";
        int every;
        try { every = root.HasPath(path) ? root.GetInt(path) : 100; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a whole number: {e.Message}"); }
        if (every < 1) throw new ConfigurationException($"{path} must be at least 1");
        return new EntitySettings(every);
    }
}
