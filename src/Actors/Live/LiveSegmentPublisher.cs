using System.Globalization;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Live;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// Copies what the live transcode writes in its local folder into the blob store, where every node serves it: per
/// rung, the segments its playlist lists that are not published yet, then the playlist itself (so a player never
/// sees a segment name before the segment), then — once every rung has a playlist — the master playlist. ffmpeg
/// renames segments and playlists into place when whole, so whatever a playlist lists is complete. Published
/// segments that left the window long ago are deleted from the store.
/// </summary>
public sealed class LiveSegmentPublisher(IBlobStore store, string streamId, string localDirectory)
{
    /// <summary>Segments kept in the store per rung beyond ffmpeg's window, for players a little behind.</summary>
    private const int KeptBehindWindow = LiveLadder.WindowSegments * 2;
    private readonly string _prefix = LiveBlobKeys.Hls(streamId);
    private readonly Dictionary<string, string> _publishedPlaylists = [];
    private readonly Dictionary<string, Queue<string>> _publishedSegments = [];
    private bool _masterPublished;

    /// <summary>Segments published so far by this publisher (all rungs).</summary>
    public int SegmentsPublished { get; private set; }

    /// <summary>When this publisher published its first segment, if it has.</summary>
    public DateTimeOffset? FirstSegmentAt { get; private set; }

    /// <summary>
    /// The number the next segment takes: after the last one the store's playlist of the first rung lists (a resumed
    /// stream keeps its media sequence rising), 0 for a stream never published.
    /// </summary>
    public async Task<long> NextSegmentNumberAsync(CancellationToken ct)
    {
        var key = _prefix + LiveLadder.Rungs[0].Name + "/" + LiveLadder.MediaPlaylist;
        await using var stream = await store.OpenReadAsync(key, cancellationToken: ct);
        if (stream is null) return 0;
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync(ct);
        return NextNumberAfter(text);
    }

    /// <summary>The media sequence of a playlist plus the segments it lists.</summary>
    public static long NextNumberAfter(string playlist)
    {
        long sequence = 0, segments = 0;
        foreach (var line in playlist.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("#EXT-X-MEDIA-SEQUENCE:", StringComparison.Ordinal))
                long.TryParse(line.AsSpan("#EXT-X-MEDIA-SEQUENCE:".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out sequence);
            else if (line.Length > 0 && !line.StartsWith('#')) segments++;
        }
        return sequence + segments;
    }

    /// <summary>Publishes every <paramref name="interval"/> until cancelled, then once more for what the transcode wrote last.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await PublishAsync(CancellationToken.None); }
            catch (IOException) { /* a file vanished between listing and reading (ffmpeg's window moved): next pass */ }
            try { await Task.Delay(interval, ct); }
            catch (OperationCanceledException) { break; }
        }
        try { await PublishAsync(CancellationToken.None); }
        catch (IOException) { }
    }

    /// <summary>One pass over the local folder.</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        foreach (var rung in LiveLadder.Rungs)
        {
            var playlistPath = Path.Combine(localDirectory, rung.Name, LiveLadder.MediaPlaylist);
            if (!File.Exists(playlistPath)) continue;
            var text = await File.ReadAllTextAsync(playlistPath, ct);
            if (_publishedPlaylists.TryGetValue(rung.Name, out var last) && last == text) continue;
            var published = _publishedSegments.TryGetValue(rung.Name, out var queue) ? queue : _publishedSegments[rung.Name] = new Queue<string>();
            foreach (var segment in SegmentNames(text).Where(s => !published.Contains(s)))
            {
                await using (var file = File.OpenRead(Path.Combine(localDirectory, rung.Name, segment)))
                    await store.WriteAsync(_prefix + rung.Name + "/" + segment, file, cancellationToken: ct);
                published.Enqueue(segment);
                SegmentsPublished++;
                FirstSegmentAt ??= DateTimeOffset.UtcNow;
            }
            await WriteTextAsync(_prefix + rung.Name + "/" + LiveLadder.MediaPlaylist, text, ct);
            _publishedPlaylists[rung.Name] = text;
            while (published.Count > LiveLadder.WindowSegments + KeptBehindWindow)
                await store.DeleteAsync(_prefix + rung.Name + "/" + published.Dequeue(), ct);
        }
        var master = Path.Combine(localDirectory, LiveLadder.MasterPlaylist);
        if (!_masterPublished && _publishedPlaylists.Count == LiveLadder.Rungs.Count && File.Exists(master))
        {
            await WriteTextAsync(_prefix + LiveLadder.MasterPlaylist, await File.ReadAllTextAsync(master, ct), ct);
            _masterPublished = true;
        }
    }

    /// <summary>
    /// Marks the stream's published playlists as finished (#EXT-X-ENDLIST) so players stop polling; for a stream that
    /// ended. Playlists already finished, or never published, are left alone.
    /// </summary>
    public static async Task FinishAsync(IBlobStore store, string streamId, CancellationToken ct)
    {
        foreach (var rung in LiveLadder.Rungs)
        {
            var key = LiveBlobKeys.Hls(streamId) + rung.Name + "/" + LiveLadder.MediaPlaylist;
            await using var stream = await store.OpenReadAsync(key, cancellationToken: ct);
            if (stream is null) continue;
            string text;
            using (var reader = new StreamReader(stream)) text = await reader.ReadToEndAsync(ct);
            if (text.Contains("#EXT-X-ENDLIST", StringComparison.Ordinal)) continue;
            await WriteTextAsync(store, key, text.TrimEnd('\n') + "\n#EXT-X-ENDLIST\n", ct);
        }
    }

    private Task WriteTextAsync(string key, string text, CancellationToken ct) => WriteTextAsync(store, key, text, ct);

    private static async Task WriteTextAsync(IBlobStore store, string key, string text, CancellationToken ct)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await store.WriteAsync(key, content, cancellationToken: ct);
    }

    /// <summary>The segment file names a media playlist lists (plain names: ffmpeg writes them beside the playlist).</summary>
    public static IEnumerable<string> SegmentNames(string playlist) =>
        playlist.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && BlobKey.IsValid(l) && !l.Contains('/'));
}
