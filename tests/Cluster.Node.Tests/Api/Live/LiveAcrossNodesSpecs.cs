using System.Collections.Concurrent;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Testing.Nodes;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>Three whole nodes in this process; ingests are heard from every second and taken as gone after 4 s of silence.</summary>
public sealed class LiveClusterFixture : IAsyncLifetime
{
    public InProcessNodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await InProcessNodeCluster.StartAsync(3, "live",
        extraHocon: "media-platform.live { heartbeat-interval = 1s, ingest-silence-timeout = 4s }");

    public async Task DisposeAsync()
    {
        if (Cluster is not null) await Cluster.DisposeAsync();
    }
}

/// <summary>
/// A live stream across nodes: real ffmpeg pushes a generated test pattern to node 1's ingest, a viewer reads the live
/// playlist from node 3 and sees new segments about every two seconds; node 1 dies, the stream shows as interrupted,
/// the broadcaster reconnects to node 2 with the same key and new segments appear again, numbered on. Figures
/// (latency from ingest start to the first segment served, segment cadence) are printed, never asserted.
/// </summary>
public sealed class LiveAcrossNodesSpecs(LiveClusterFixture fixture, ITestOutputHelper output) : IClassFixture<LiveClusterFixture>
{
    private InProcessNodeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_stream_pushed_to_node_1_plays_from_node_3_and_resumes_through_node_2_after_node_1_dies()
    {
        var owner = await PartyPeople.SignUpAsync(Cluster.BaseAddresses[1], "live");
        var viewer = await PartyPeople.SignUpAsync(Cluster.BaseAddresses[2], "live");
        await PartyPeople.BefriendAsync(owner, viewer);
        var stream = await LivePeople.StreamAsync(owner);
        using var watcher = new PlaylistWatcher(viewer, stream.Id);

        await using (var first = Broadcaster.Start(Cluster.BaseAddresses[0], stream.Id, stream.Key))
        {
            var firstSegment = await watcher.AwaitSegmentsAsync(1, TimeSpan.FromSeconds(30), "the first segment on node 3");
            output.WriteLine($"ingest start → first segment served by node 3: {(firstSegment - first.StartedAt).TotalSeconds:0.00} s");
            await watcher.AwaitSegmentsAsync(5, TimeSpan.FromSeconds(30), "five segments on node 3");
            var cadence = watcher.Gaps();
            output.WriteLine($"segment cadence on node 3 (s): {string.Join(", ", cadence.Select(g => g.ToString("0.00")))}; median {Median(cadence):0.00}");
            Assert.Equal("Live", await LivePeople.StatusAsync(viewer, stream.Id));

            await Cluster.KillAsync(0);
            await Eventually.AwaitAsync(async () => await LivePeople.StatusAsync(viewer, stream.Id) == "Interrupted", TimeSpan.FromSeconds(30),
                "the stream to show as interrupted after its ingest node died");
            output.WriteLine($"interrupted: {(await LivePeople.GetAsync(viewer, stream.Id)).GetProperty("interruptReason").GetString()}");
        }

        var before = watcher.Highest;
        var seenBefore = watcher.Count;
        await using var second = Broadcaster.Start(Cluster.BaseAddresses[1], stream.Id, stream.Key);
        var resumedAt = await watcher.AwaitSegmentsAsync(seenBefore + 2, TimeSpan.FromSeconds(40), "new segments after the reconnect to node 2");
        output.WriteLine($"reconnect to node 2 → next segment served by node 3: {(resumedAt - second.StartedAt).TotalSeconds:0.00} s");
        var resumed = await LivePeople.GetAsync(viewer, stream.Id);
        Assert.Equal("Live", resumed.GetProperty("status").GetString());
        Assert.Equal(2, resumed.GetProperty("sessions").GetInt32());
        // The resumed playlist's window starts after everything published before the reconnect: the media sequence kept rising.
        var sequence = long.Parse(watcher.LastPlaylist.Split('\n').First(l => l.StartsWith("#EXT-X-MEDIA-SEQUENCE:"))["#EXT-X-MEDIA-SEQUENCE:".Length..]);
        Assert.True(sequence > before, $"the media sequence went on from {before} (now {sequence})");
        Assert.Contains("#EXT-X-DISCONTINUITY", watcher.LastPlaylist);
        Assert.DoesNotContain("#EXT-X-ENDLIST", watcher.LastPlaylist);
    }

    private static double Median(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);

    /// <summary>Reads the stream's first rung playlist from one node every 200 ms and notes when each segment first shows.</summary>
    private sealed class PlaylistWatcher : IDisposable
    {
        private readonly ConcurrentDictionary<long, DateTimeOffset> _firstSeen = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public PlaylistWatcher(PartyUser viewer, string streamId) => _loop = WatchAsync(viewer, streamId);

        public string LastPlaylist { get; private set; } = "";

        public int Count => _firstSeen.Count;

        public long Highest => _firstSeen.Keys.DefaultIfEmpty(-1).Max();

        private async Task WatchAsync(PartyUser viewer, string streamId)
        {
            var path = $"/api/live/{streamId}/hls/{Streams.Live.LiveLadder.Rungs[0].Name}/index.m3u8";
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    var response = await viewer.Client.GetAsync(path, _stop.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        LastPlaylist = await response.Content.ReadAsStringAsync(_stop.Token);
                        var now = DateTimeOffset.UtcNow;
                        foreach (var name in Actors.Live.LiveSegmentPublisher.SegmentNames(LastPlaylist))
                            if (long.TryParse(name.Replace("seg_", "").Replace(".ts", ""), out var n)) _firstSeen.TryAdd(n, now);
                    }
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException) { break; }
                catch (HttpRequestException) { }
            }
        }

        /// <summary>When the playlist first listed <paramref name="count"/> segments.</summary>
        public async Task<DateTimeOffset> AwaitSegmentsAsync(int count, TimeSpan timeout, string what)
        {
            await Eventually.AwaitAsync(() => _firstSeen.Count >= count, timeout, what);
            return _firstSeen.Values.Order().ElementAt(count - 1);
        }

        /// <summary>Seconds between segments first showing, in number order (the first listing's batch left out).</summary>
        public IReadOnlyList<double> Gaps()
        {
            var times = _firstSeen.OrderBy(p => p.Key).Select(p => p.Value).ToList();
            return times.Zip(times.Skip(1)).Select(p => (p.Item2 - p.Item1).TotalSeconds).Where(g => g > 0.05).ToList();
        }

        public void Dispose()
        {
            _stop.Cancel();
            try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
            _stop.Dispose();
        }
    }
}
