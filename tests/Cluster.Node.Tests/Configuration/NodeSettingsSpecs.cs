using Akka.Configuration;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Tests.Configuration;

/// <summary>
/// Every media-platform.* settings type is read once by <see cref="NodeSettings"/>; a bad value in any of them is a
/// ConfigurationException naming the setting's full path, which the node turns into one <c>error:</c> line and exit 2.
/// </summary>
public sealed class NodeSettingsSpecs
{
    private static Config Shipped => NodeHocon.Load(Path.Combine(AppContext.BaseDirectory, "config"), null);

    [Fact]
    public void The_shipped_files_must_read_into_the_documented_defaults()
    {
        var settings = NodeSettings.From(Shipped);
        Assert.Equal(100, settings.Entities.SnapshotEvery);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.Friendships.RedeliverEvery);
        Assert.Equal(["0002"], settings.Gateway.DeclineLast4);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.GatewayTimeout);
        Assert.Equal((5, TimeSpan.FromSeconds(30)), (settings.GatewayBreaker.MaxFailures, settings.GatewayBreaker.ResetTimeout));
        Assert.Equal((512, TimeSpan.FromSeconds(1)), (settings.InFlight.Max, settings.InFlight.RetryAfter));
        Assert.Equal(settings.Quotas.SourceDuration, settings.Pipeline.MaxSourceDuration);
        Assert.Equal(TimeSpan.Zero, settings.ClockOffset);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.StartupCheckTimeout);
        Assert.Equal(MediaPlatform.Node.Persistence.JournalWritePath.Batched, settings.JournalWritePath);
        Assert.False(settings.Observability.MetricsAnonymous);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Parties.IdleEndAfter);
        Assert.Equal(TimeSpan.FromHours(24), settings.Parties.InviteValidFor);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.Parties.WatcherReaskInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Parties.HostAwayGrace);
        Assert.Equal(MediaPlatform.Actors.Live.LiveSettings.Default, settings.Live);
        Assert.Equal(MediaPlatform.Actors.WatchHistory.WatchHistorySettings.Default, settings.WatchHistory);
        Assert.Equal(MediaPlatform.Node.Api.Trending.TrendingSettings.Default, settings.Trending);
        Assert.Equal(MediaPlatform.Actors.Projections.Semantic.SemanticSearchSettings.Default, settings.SemanticSearch);
    }

    [Theory]
    [InlineData("media-platform.entities.snapshot-every = 0", "media-platform.entities.snapshot-every")]
    [InlineData("media-platform.entities.snapshot-every = lots", "media-platform.entities.snapshot-every")]
    [InlineData("media-platform.friends.redeliver-every = 0s", "media-platform.friends.redeliver-every")]
    [InlineData("media-platform.friends.passivate-when-settled-after = soon", "media-platform.friends.passivate-when-settled-after")]
    [InlineData("media-platform.billing.gateway.timeout = 0s", "media-platform.billing.gateway.timeout")]
    [InlineData("media-platform.billing.gateway.decline-last4 = [\"12\"]", "media-platform.billing.gateway.decline-last4")]
    [InlineData("media-platform.billing.gateway.breaker.max-failures = 0", "media-platform.billing.gateway.breaker.max-failures")]
    [InlineData("media-platform.billing.gateway.breaker.reset-timeout = soon", "media-platform.billing.gateway.breaker.reset-timeout")]
    [InlineData("media-platform.billing.gateway.breaker.reset-timeout = 2h", "media-platform.billing.gateway.breaker.reset-timeout")]
    [InlineData("media-platform.api.in-flight.max = 0", "media-platform.api.in-flight.max")]
    [InlineData("media-platform.persistence.write-failure-window = 0s", "media-platform.persistence.write-failure-window")]
    [InlineData("media-platform.api.in-flight.max = many", "media-platform.api.in-flight.max")]
    [InlineData("media-platform.api.in-flight.retry-after = 0s", "media-platform.api.in-flight.retry-after")]
    [InlineData("media-platform.quotas.friends = 0", "media-platform.quotas.friends")]
    [InlineData("media-platform.pipeline.chunk-seconds = 1", "media-platform.pipeline.chunk-seconds")]
    [InlineData("media-platform.transcode.max-attempts = 0", "media-platform.transcode.max-attempts")]
    [InlineData("media-platform.scheduler.item-parallelism = 0", "media-platform.scheduler.item-parallelism")]
    [InlineData("media-platform.scheduler.jobs.billing-cycle.schedule = \"daily at 25:00\"", "media-platform.scheduler.jobs.billing-cycle.schedule")]
    [InlineData("media-platform.security.lockout.after-failures = 0", "media-platform.security.lockout.after-failures")]
    [InlineData("media-platform.billing.title-price-minor = 0", "media-platform.billing.title-price-minor")]
    [InlineData("media-platform.titles.max-upload-size = 0", "media-platform.titles.max-upload-size")]
    [InlineData("media-platform.security.rate-limits.logins-per-email = 0", "media-platform.security.rate-limits.logins-per-email")]
    [InlineData("media-platform.security.trusted-proxies = [\"not-an-address\"]", "media-platform.security.trusted-proxies")]
    [InlineData("media-platform.persistence.sqlite-busy-timeout = 0s", "media-platform.persistence.sqlite-busy-timeout")]
    [InlineData("media-platform.persistence.startup-check-timeout = never", "media-platform.persistence.startup-check-timeout")]
    [InlineData("media-platform.clock.offset = yesterday", "media-platform.clock.offset")]
    [InlineData("media-platform.observability.metrics-anonymous = sometimes", "media-platform.observability.metrics-anonymous")]
    [InlineData("media-platform.observability.metrics = maybe", "media-platform.observability.metrics")]
    [InlineData("media-platform.parties.idle-end-after = 0s", "media-platform.parties.idle-end-after")]
    [InlineData("media-platform.parties.idle-end-after = later", "media-platform.parties.idle-end-after")]
    [InlineData("media-platform.parties.invite-valid-for = 30d", "media-platform.parties.invite-valid-for")]
    [InlineData("media-platform.parties.watcher-reask-interval = 10ms", "media-platform.parties.watcher-reask-interval")]
    [InlineData("media-platform.parties.watcher-reask-interval = often", "media-platform.parties.watcher-reask-interval")]
    [InlineData("media-platform.parties.host-away-grace = 0s", "media-platform.parties.host-away-grace")]
    [InlineData("media-platform.live.heartbeat-interval = 0s", "media-platform.live.heartbeat-interval")]
    [InlineData("media-platform.live.ingest-silence-timeout = 3s", "media-platform.live.ingest-silence-timeout")]
    [InlineData("media-platform.live.max-duration = forever", "media-platform.live.max-duration")]
    [InlineData("media-platform.live.max-ingest-bytes = 10 KiB", "media-platform.live.max-ingest-bytes")]
    [InlineData("media-platform.live.stall-timeout = 1h", "media-platform.live.stall-timeout")]
    [InlineData("media-platform.live.max-streams-per-node = 0", "media-platform.live.max-streams-per-node")]
    [InlineData("media-platform.watch-history.max-titles = 0", "media-platform.watch-history.max-titles")]
    [InlineData("media-platform.watch-history.max-titles = many", "media-platform.watch-history.max-titles")]
    [InlineData("media-platform.watch-history.persist-interval = 0s", "media-platform.watch-history.persist-interval")]
    [InlineData("media-platform.watch-history.persist-min-move = -1", "media-platform.watch-history.persist-min-move")]
    [InlineData("media-platform.watch-history.finished-fraction = 1.5", "media-platform.watch-history.finished-fraction")]
    [InlineData("media-platform.watch-history.credits-tail = lots", "media-platform.watch-history.credits-tail")]
    [InlineData("media-platform.watch-history.new-view-after = whenever", "media-platform.watch-history.new-view-after")]
    [InlineData("media-platform.watch-history.report-interval = 10ms", "media-platform.watch-history.report-interval")]
    [InlineData("media-platform.trending.prune-interval = 0s", "media-platform.trending.prune-interval")]
    [InlineData("media-platform.images.face-cascade = \"/nowhere/cascade.xml\"", "media-platform.images.face-cascade")]
    [InlineData("media-platform.images.face-cascade = \"/etc/hostname\"", "media-platform.images.face-cascade")]
    [InlineData("media-platform.images.blur-faces = [posters]", "media-platform.images.blur-faces")]
    [InlineData("media-platform.images.widths = [8]", "media-platform.images.widths")]
    [InlineData("media-platform.images.max-upload-bytes = 10", "media-platform.images.max-upload-bytes")]
    [InlineData("media-platform.images.max-concurrent-jobs-per-node = 0", "media-platform.images.max-concurrent-jobs-per-node")]
    [InlineData("media-platform.images.max-attempts = 0", "media-platform.images.max-attempts")]
    [InlineData("media-platform.images.job-timeout = soon", "media-platform.images.job-timeout")]
    [InlineData("media-platform.images.max-frames-per-title = 1001", "media-platform.images.max-frames-per-title")]
    [InlineData("media-platform.images.max-frames-per-title = -1", "media-platform.images.max-frames-per-title")]
    [InlineData("media-platform.projections.batch-size = 0", "media-platform.projections.batch-size")]
    [InlineData("media-platform.projections.batch-size = lots", "media-platform.projections.batch-size")]
    [InlineData("media-platform.projections.batch-window = 1m", "media-platform.projections.batch-window")]
    [InlineData("media-platform.projections.restart-min-backoff = soon", "media-platform.projections.restart-min-backoff")]
    [InlineData("media-platform.projections.restart-max-backoff = 100ms", "media-platform.projections.restart-max-backoff")]
    [InlineData("media-platform.search.semantic.enabled = maybe", "media-platform.search.semantic.enabled")]
    [InlineData("media-platform.search.semantic.min-similarity = 1.5", "media-platform.search.semantic.min-similarity")]
    [InlineData("media-platform.search.semantic.min-similarity = high", "media-platform.search.semantic.min-similarity")]
    [InlineData("media-platform.search.semantic.window-cues = 0", "media-platform.search.semantic.window-cues")]
    [InlineData("media-platform.search.semantic.max-vectors = 0", "media-platform.search.semantic.max-vectors")]
    [InlineData("media-platform.search.semantic.max-vectors = lots", "media-platform.search.semantic.max-vectors")]
    [InlineData("media-platform.persistence.journal-write-path = fast", "media-platform.persistence.journal-write-path")]
    [InlineData("media-platform.persistence.journal-write-path = Batched", "media-platform.persistence.journal-write-path")]
    [InlineData("akka.persistence.journal.sql.tag-write-mode = Csv", "akka.persistence.journal.sql.tag-write-mode")]
    public void A_bad_value_must_be_a_configuration_error_naming_the_setting(string hocon, string setting)
    {
        var error = Assert.Throws<ConfigurationException>(() => NodeSettings.From(ConfigurationFactory.ParseString(hocon).WithFallback(Shipped)));
        Assert.Contains(setting, error.Message);
    }
}
