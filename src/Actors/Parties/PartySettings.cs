using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.Parties;

/// <summary>
/// Watch-party settings, read from <c>media-platform.parties</c> (defaults when absent): how long a party with nobody
/// connected lives on, how long an invite stays open, how often each node's watcher asks a party for its state besides
/// what pub-sub delivers (<see cref="WatcherReaskInterval"/>), and how long the host may be away (no connection open)
/// while others are here before the party passes to one of them (<see cref="HostAwayGrace"/>).
/// </summary>
public sealed record PartySettings(TimeSpan IdleEndAfter, TimeSpan InviteValidFor, TimeSpan WatcherReaskInterval, TimeSpan HostAwayGrace)
{
    public const string Path = "media-platform.parties";

    public static readonly PartySettings Default = new(TimeSpan.FromMinutes(10), TimeSpan.FromHours(24), TimeSpan.FromSeconds(2),
        TimeSpan.FromMinutes(1));

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static PartySettings From(Config root)
    {
        var settings = new PartySettings(
            Duration(root, "idle-end-after", Default.IdleEndAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7)),
            Duration(root, "invite-valid-for", Default.InviteValidFor, PartyState.MinInviteValidity, PartyState.MaxInviteValidity),
            Duration(root, "watcher-reask-interval", Default.WatcherReaskInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromDays(1)),
            Duration(root, "host-away-grace", Default.HostAwayGrace, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)));
        return settings;
    }

    private static TimeSpan Duration(Config root, string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        BoundedSetting.Duration(root, $"{Path}.{key}", fallback, min, max);
}
