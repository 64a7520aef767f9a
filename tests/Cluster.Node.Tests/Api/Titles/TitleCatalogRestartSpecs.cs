using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// The catalog is rebuilt from the journal: after the whole node restarts on the same database, every title is listed
/// again with its last status, without any title entity having been woken.
/// </summary>
public sealed class TitleCatalogRestartSpecs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Titles_and_their_status_must_be_listed_again_after_a_restart()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"));
        var (a, b) = ("t-restart-a", "t-restart-b");

        await using (var first = await TestNodeHost.StartAsync(options))
        {
            var titles = ActorRegistry.For(first.System).Get<EntityRegions.Titles>();
            await titles.Ask<TitleView>(new CreateTitle(a, "u-one", "Alpine Restart", ""), Timeout);
            await titles.Ask<TitleView>(new CreateTitle(b, "u-one", "Beach Restart", ""), Timeout);
            await titles.Ask<TitleView>(new RecordSourceUploaded(b, "up1", TitleBlobKeys.Source(b, "up1"), 10, null), Timeout);
            var live = ActorRegistry.For(first.System).Get<EntityRegions.Catalog>();
            await Eventually.AwaitAsync(async () => (await SearchAsync(live)).Total == 2, Timeout, "the live catalog never listed both titles");
        }

        await using var second = await TestNodeHost.StartAsync(options with { HttpPort = FreePorts.Next(), RemotePort = FreePorts.Next() });
        var catalog = ActorRegistry.For(second.System).Get<EntityRegions.Catalog>();
        var list = await SearchAsync(catalog); // answered only once the journal has been read to the end
        Assert.Equal([(b, TitleStatus.SourceUploaded), (a, TitleStatus.Created)],
            list.Titles.OrderByDescending(t => t.TitleId).Select(t => (t.TitleId, t.Status)));
    }

    private static Task<TitleList> SearchAsync(IActorRef catalog) =>
        catalog.Ask<TitleList>(new SearchTitles("restart", null, null, ViewerIsAdmin: true), Timeout);
}
