using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.WatchHistory;

namespace MediaPlatform.Actors.Tests.WatchHistory;

/// <summary>The watch-history entity: what it stores survives a restart (snapshot + events), and periodic reports write little.</summary>
public sealed class WatchHistoryEntitySpecs() : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create())
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 20, 0, 0, TimeSpan.Zero));

    private IActorRef Region() => Sys.ActorOf(LocalRegion.PropsFor(id =>
        WatchHistoryEntity.PropsFor(id, WatchHistorySettings.Default, EntitySettings.From(Sys), _clock)));

    private Task<WatchProgressAccepted> ReportAsync(IActorRef region, string titleId, double position, WatchReportKind kind = WatchReportKind.Playing) =>
        region.Ask<WatchProgressAccepted>(new ReportWatchProgress("u-1", titleId, "Title " + titleId, position, 600, "720p", kind), Wait);

    [Fact]
    public async Task Continue_watching_must_be_identical_after_the_entity_is_stopped_and_recovers()
    {
        var region = Region();
        for (var i = 0; i < 5; i++)
        {
            _clock.Set(_clock.Now.AddMinutes(1));
            await ReportAsync(region, $"t-{i}", 10 * i + 5, WatchReportKind.Started);
        }
        _clock.Set(_clock.Now.AddSeconds(5));
        Assert.False((await ReportAsync(region, "t-4", 46)).Stored); // 1 s on, 5 s later: not worth an event
        await ReportAsync(region, "t-1", 120, WatchReportKind.Paused);
        var before = await region.Ask<ContinueWatchingList>(new GetContinueWatching("u-1"), Wait);

        await region.Ask<LocalRegion.EntityStopped>(new LocalRegion.StopEntity("u-1"), Wait);
        var after = await region.Ask<ContinueWatchingList>(new GetContinueWatching("u-1"), Wait);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(after));
        Assert.Equal("t-1", after.Entries[0].TitleId);
        Assert.Equal(120, after.Entries[0].PositionSeconds);
    }
}
