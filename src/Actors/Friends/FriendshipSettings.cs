using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// Delivery timing of Friendship entities, read from <c>media-platform.friends</c> (defaults when absent):
/// how often unacknowledged changes are sent again, and how long a settled entity (nothing left to deliver) stays
/// up without messages before it passivates itself.
/// </summary>
public sealed record FriendshipSettings(TimeSpan RedeliverEvery, TimeSpan PassivateWhenSettledAfter)
{
    public const string Path = "media-platform.friends";

    public static readonly FriendshipSettings Default = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));

    public static FriendshipSettings From(ActorSystem system) => From(system.Settings.Config);

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static FriendshipSettings From(Config root) => new(
        Positive(root, "redeliver-every", Default.RedeliverEvery),
        Positive(root, "passivate-when-settled-after", Default.PassivateWhenSettledAfter));

    private static TimeSpan Positive(Config root, string key, TimeSpan fallback)
    {
        var path = $"{Path}.{key}";
        TimeSpan value;
        try { value = root.HasPath(path) ? root.GetTimeSpan(path, fallback, allowInfinite: false) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a duration like 3s: {e.Message}"); }
        return value > TimeSpan.Zero ? value : throw new ConfigurationException($"{path} must be a positive duration like 3s");
    }
}
