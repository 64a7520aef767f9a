using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// Watch-history settings, read from <c>media-platform.watch-history</c> (defaults when absent). The player reports its
/// position every few seconds, but the journal is the platform's bottleneck: while a title plays, a position is
/// stored at most once per <see cref="PersistInterval"/> and only when it moved at least <see cref="PersistMinMove"/>;
/// a start, pause or end is always stored (when the position changed). So a viewer writes about two events a minute
/// with the defaults, whatever the player's report interval. A title counts as finished once the position reaches
/// <see cref="FinishedFraction"/> of its duration or is within <see cref="CreditsTail"/> of its end. A user keeps the
/// last <see cref="MaxTitles"/> titles. A start counts as a new view (trending) when the user's last view of that
/// title started at least <see cref="NewViewAfter"/> ago. The player reports every <see cref="ReportInterval"/> (the
/// node tells it in each answer).
/// </summary>
public sealed record WatchHistorySettings(
    int MaxTitles,
    TimeSpan PersistInterval,
    double PersistMinMove,
    double FinishedFraction,
    double CreditsTail,
    TimeSpan NewViewAfter,
    TimeSpan ReportInterval)
{
    public const string Path = "media-platform.watch-history";

    public static readonly WatchHistorySettings Default = new(50, TimeSpan.FromSeconds(30), 10, 0.95, 0, TimeSpan.FromHours(1),
        TimeSpan.FromSeconds(5));

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static WatchHistorySettings From(Config root) => new(
        BoundedSetting.Int(root, $"{Path}.max-titles", Default.MaxTitles, 1, 1000),
        Duration(root, "persist-interval", Default.PersistInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)),
        Number(root, "persist-min-move", Default.PersistMinMove, 0, 3600),
        Number(root, "finished-fraction", Default.FinishedFraction, 0.5, 1),
        Number(root, "credits-tail", Default.CreditsTail, 0, 1800),
        Duration(root, "new-view-after", Default.NewViewAfter, TimeSpan.Zero, TimeSpan.FromDays(30)),
        Duration(root, "report-interval", Default.ReportInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));

    private static double Number(Config root, string key, double fallback, double min, double max) =>
        BoundedSetting.Number(root, $"{Path}.{key}", fallback, min, max);

    private static TimeSpan Duration(Config root, string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        BoundedSetting.Duration(root, $"{Path}.{key}", fallback, min, max);
}
