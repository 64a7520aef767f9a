using Akka.Actor;

namespace MediaPlatform.Actors.Friends;

/// <summary>
/// Delivery timing of Friendship entities, read from <c>media-platform.friends</c> (defaults when absent):
/// how often unacknowledged changes are sent again, and how long a settled entity (nothing left to deliver) stays
/// up without messages before it passivates itself.
/// </summary>
public sealed record FriendshipSettings(TimeSpan RedeliverEvery, TimeSpan PassivateWhenSettledAfter)
{
    public static readonly FriendshipSettings Default = new(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));

    public static FriendshipSettings From(ActorSystem system)
    {
        var config = system.Settings.Config.GetConfig("media-platform.friends");
        if (config is null || config.IsEmpty) return Default;
        var settings = new FriendshipSettings(
            config.GetTimeSpan("redeliver-every", Default.RedeliverEvery, allowInfinite: false),
            config.GetTimeSpan("passivate-when-settled-after", Default.PassivateWhenSettledAfter, allowInfinite: false));
        if (settings.RedeliverEvery <= TimeSpan.Zero || settings.PassivateWhenSettledAfter <= TimeSpan.Zero)
            throw new ArgumentException("media-platform.friends.redeliver-every and passivate-when-settled-after must be positive");
        return settings;
    }
}
