namespace MediaPlatform.Node.Hosting;

/// <summary>
/// Every registry key in one place: the shard regions, the singletons' proxies and the per-node actors, each
/// registered by one hosting extension. HTTP handlers take <c>IRequiredActor&lt;EntityRegions.X&gt;</c>.
/// </summary>
public static class EntityRegions
{
    // Users and billing (EntityHosting)
    public sealed class Users;
    public sealed class EmailReservations;
    public sealed class BillingAccounts;
    public sealed class Coupons;
    public sealed class GatewayLedger;

    /// <summary>The login guards: one entity per account email, so a lockout holds on every node (RateLimitHosting).</summary>
    public sealed class LoginGuards;

    // Friends (FriendsHosting)
    public sealed class Friendships;
    public sealed class FriendLists;

    // Watch parties (PartyHosting)
    /// <summary>The shard region of the party entities.</summary>
    public sealed class Parties;

    /// <summary>The shard region of the per-user party indexes (what "my parties" lists).</summary>
    public sealed class PartyIndexes;

    /// <summary>This node's bridge from party pub-sub topics to its SignalR connections; a local actor.</summary>
    public sealed class PartyWatchers;

    // Live streams (LiveHosting)
    /// <summary>The shard region of the live stream entities.</summary>
    public sealed class LiveStreams;

    /// <summary>The shard region of the per-owner live stream indexes (where "my friends' streams" looks).</summary>
    public sealed class LiveIndexes;

    /// <summary>This node's bridge from the went-live pub-sub topic to its /hubs/live connections; a local actor.</summary>
    public sealed class LiveNotifier;

    // Titles (TitleHosting)
    /// <summary>The shard region of the title entities.</summary>
    public sealed class Titles;

    /// <summary>The shard region of the title pipelines (one per title being transcoded).</summary>
    public sealed class Pipelines;

    /// <summary>The shard region of the per-user upload quotas (stored bytes, titles transcoding at once).</summary>
    public sealed class UploadQuotas;

    // Watch history and trending (WatchHistoryHosting)
    /// <summary>The shard region of the per-user watch histories.</summary>
    public sealed class WatchHistories;

    /// <summary>This node's trending recorder (replicated view counters); a local actor.</summary>
    public sealed class TrendingRecorder;

    // Singletons and per-node actors
    /// <summary>Proxy of the transcode coordinator singleton; submitters and routes talk to it (WorkHosting).</summary>
    public sealed class TranscodeCoordinatorProxy;

    /// <summary>This node's transcode worker (WorkHosting).</summary>
    public sealed class TranscodeWorker;

    /// <summary>Proxy of the recurring scheduler singleton (SchedulerHosting).</summary>
    public sealed class SchedulerProxy;

    /// <summary>Proxy to the projections singleton (read models fed by the journal).</summary>
    public sealed class ProjectionsProxy;
}
