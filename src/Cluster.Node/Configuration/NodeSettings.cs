using Akka.Configuration;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Actors.Scheduling.Jobs;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.LoginGuards;
using MediaPlatform.Actors.WatchHistory;
using MediaPlatform.Actors.Work;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Api.Trending;
using MediaPlatform.Node.Observability;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Every <c>media-platform.*</c> settings object, read and checked once from the layered HOCON at start-up
/// (<see cref="From"/>) and registered in DI; hosting extensions pass the pieces to actors' props and routes take them
/// as services. A bad value throws a ConfigurationException naming the setting, which the node turns into one
/// <c>error:</c> line and exit 2.
/// </summary>
public sealed record NodeSettings(
    EntitySettings Entities,
    FriendshipSettings Friendships,
    GatewayRules Gateway,
    TimeSpan GatewayTimeout,
    UserQuotas Quotas,
    PipelineSettings Pipeline,
    TranscodeSettings Transcode,
    SchedulerSettings Scheduler,
    LoginGuardPolicy Lockout,
    TitlePricing Pricing,
    TitleSettings Titles,
    RateLimitSettings RateLimits,
    TrustedProxies TrustedProxies,
    TimeSpan ClockOffset,
    TimeSpan SqliteBusyTimeout,
    Persistence.JournalWritePath JournalWritePath,
    TimeSpan StartupCheckTimeout,
    ObservabilitySettings Observability,
    PartySettings Parties,
    GatewayBreakerSettings GatewayBreaker,
    InFlightLimitSettings InFlight,
    TimeSpan JournalWriteFailureWindow,
    LiveSettings Live,
    WatchHistorySettings WatchHistory,
    TrendingSettings Trending,
    ImageSettings Images,
    Actors.Projections.ProjectionSettings Projections,
    Actors.Projections.Semantic.SemanticSearchSettings SemanticSearch)
{
    public const string ClockOffsetPath = "media-platform.clock.offset";
    public const string SqliteBusyTimeoutPath = "media-platform.persistence.sqlite-busy-timeout";
    public const string StartupCheckTimeoutPath = "media-platform.persistence.startup-check-timeout";

    public static NodeSettings From(Config root)
    {
        // The recurring jobs are built where the scheduler singleton starts (the oldest node, later): check them now.
        JobCatalog.Validate(root);
        var quotas = UserQuotas.From(root);
        return new NodeSettings(
            EntitySettings.From(root),
            FriendshipSettings.From(root),
            GatewayRules.From(root),
            GatewayRules.TimeoutFrom(root),
            quotas,
            PipelineSettings.From(root, quotas),
            TranscodeSettings.From(root.GetConfig(TranscodeSettings.Path) ?? Config.Empty),
            SchedulerSettings.From(root.GetConfig(SchedulerSettings.Path) ?? Config.Empty),
            LoginGuardPolicy.From(root),
            TitlePricing.From(root),
            TitleSettings.From(root),
            RateLimitSettings.From(root),
            TrustedProxies.From(root),
            Duration(root, ClockOffsetPath, TimeSpan.Zero, mayBeNegative: true),
            Duration(root, SqliteBusyTimeoutPath, TimeSpan.FromSeconds(5)),
            Persistence.JournalWritePaths.From(root),
            Duration(root, StartupCheckTimeoutPath, TimeSpan.FromSeconds(10)),
            ObservabilitySettings.From(root),
            PartySettings.From(root),
            GatewayBreakerSettings.From(root),
            InFlightLimitSettings.From(root),
            Duration(root, JournalWriteHealth.WindowPath, JournalWriteHealth.DefaultWindow),
            LiveSettings.From(root),
            WatchHistorySettings.From(root),
            TrendingSettings.From(root),
            ImageSettings.From(root),
            Actors.Projections.ProjectionSettings.From(root),
            Actors.Projections.Semantic.SemanticSearchSettings.From(root));
    }

    private static TimeSpan Duration(Config root, string path, TimeSpan fallback, bool mayBeNegative = false)
    {
        TimeSpan value;
        try { value = root.HasPath(path) ? root.GetTimeSpan(path, fallback, allowInfinite: false) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a duration like 5s: {e.Message}"); }
        if (!mayBeNegative && value <= TimeSpan.Zero) throw new ConfigurationException($"{path} must be a positive duration like 5s");
        return value;
    }
}
