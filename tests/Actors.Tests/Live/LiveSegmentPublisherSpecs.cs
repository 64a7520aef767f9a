using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Live;
using MediaPlatform.Testing;

namespace MediaPlatform.Actors.Tests.Live;

/// <summary>The publisher against a real directory blob store, with playlists and segments written as ffmpeg writes them.</summary>
public sealed class LiveSegmentPublisherSpecs : IDisposable
{
    private readonly TempDirectory _dir = new("live-publisher");

    public void Dispose() => _dir.Dispose();

    private static string Playlist(long sequence, params string[] segments) =>
        $"#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:{sequence}\n"
        + string.Concat(segments.Select(s => $"#EXTINF:2.000000,\n{s}\n"));

    private async Task WriteLocalAsync(string local, long sequence, params string[] segments)
    {
        foreach (var rung in LiveLadder.Rungs)
        {
            Directory.CreateDirectory(Path.Combine(local, rung.Name));
            foreach (var s in segments) await File.WriteAllTextAsync(Path.Combine(local, rung.Name, s), $"{rung.Name}:{s}");
            await File.WriteAllTextAsync(Path.Combine(local, rung.Name, LiveLadder.MediaPlaylist), Playlist(sequence, segments));
        }
    }

    [Fact]
    public async Task Segments_must_be_published_before_their_playlist_and_the_master_once_every_rung_has_one()
    {
        var store = new DirectoryBlobStore(_dir.Combine("blobs"));
        var local = _dir.Combine("local");
        var publisher = new LiveSegmentPublisher(store, "ls-1", local);
        Assert.Equal(0, await publisher.NextSegmentNumberAsync(default));

        await WriteLocalAsync(local, 0, "seg_0.ts", "seg_1.ts");
        await File.WriteAllTextAsync(Path.Combine(local, LiveLadder.MasterPlaylist), "#EXTM3U\n");
        await publisher.PublishAsync(default);

        var keys = await store.ListAsync("live/ls-1/").Select(b => b.Key).ToListAsync();
        Assert.Contains("live/ls-1/hls/master.m3u8", keys);
        foreach (var rung in LiveLadder.Rungs)
        {
            var segments = LiveSegmentPublisher.SegmentNames(await ReadAsync(store, $"live/ls-1/hls/{rung.Name}/index.m3u8"));
            Assert.All(segments, s => Assert.Contains($"live/ls-1/hls/{rung.Name}/{s}", keys));
        }
        Assert.Equal(4, publisher.SegmentsPublished);
        Assert.Equal(2, await publisher.NextSegmentNumberAsync(default));
    }

    [Fact]
    public async Task A_resumed_stream_must_continue_numbering_after_what_the_store_lists_and_old_segments_must_leave_the_store()
    {
        var store = new DirectoryBlobStore(_dir.Combine("blobs"));
        var first = new LiveSegmentPublisher(store, "ls-2", _dir.Combine("first"));
        await WriteLocalAsync(_dir.Combine("first"), 10, "seg_10.ts", "seg_11.ts", "seg_12.ts");
        await first.PublishAsync(default);
        Assert.Equal(13, await new LiveSegmentPublisher(store, "ls-2", _dir.Combine("second")).NextSegmentNumberAsync(default));

        // A long session: the window slides and segments far behind it are deleted from the store.
        var local = _dir.Combine("long");
        var publisher = new LiveSegmentPublisher(store, "ls-3", local);
        for (var n = 0; n < 40; n++)
        {
            var window = Enumerable.Range(Math.Max(0, n - 5), Math.Min(n + 1, 6)).Select(i => $"seg_{i}.ts").ToArray();
            await WriteLocalAsync(local, Math.Max(0, n - 5), window);
            await publisher.PublishAsync(default);
        }
        var kept = await store.ListAsync($"live/ls-3/hls/{LiveLadder.Rungs[0].Name}/").Where(b => b.Key.EndsWith(".ts")).CountAsync();
        Assert.InRange(kept, LiveLadder.WindowSegments, LiveLadder.WindowSegments * 3);
        Assert.False(await store.ExistsAsync($"live/ls-3/hls/{LiveLadder.Rungs[0].Name}/seg_0.ts"));
    }

    [Fact]
    public async Task Finishing_a_stream_must_end_its_published_playlists_once()
    {
        var store = new DirectoryBlobStore(_dir.Combine("blobs"));
        var local = _dir.Combine("fin");
        await WriteLocalAsync(local, 0, "seg_0.ts");
        await new LiveSegmentPublisher(store, "ls-4", local).PublishAsync(default);
        await LiveSegmentPublisher.FinishAsync(store, "ls-4", default);
        await LiveSegmentPublisher.FinishAsync(store, "ls-4", default);
        var text = await ReadAsync(store, $"live/ls-4/hls/{LiveLadder.Rungs[1].Name}/index.m3u8");
        Assert.Single(text.Split('\n'), l => l == "#EXT-X-ENDLIST");
    }

    private static async Task<string> ReadAsync(IBlobStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key) ?? throw new InvalidOperationException($"no blob {key}");
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
