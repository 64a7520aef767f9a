using System.Text;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Quality.Subtitles;
using MediaPlatform.Streams.Subtitles;
using Microsoft.Extensions.Caching.Memory;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// A published title's subtitle tracks as HLS WebVTT renditions, rendered on request from the stored track rather than
/// written as blobs at publish: a track uploaded after publishing plays at once without rewriting the package, titles
/// published before renditions existed get them too, and no two writers race over one master playlist. Every URL
/// names the track's upload id, so what it serves never changes and is cached like the video's segments. The video's
/// own media playlist gives the segment boundaries, and its first segment (fMP4 boxes or MPEG-TS PES headers) the
/// timestamp the cues are mapped to.
/// A node keeps what it rendered in a bounded cache; a title's list of tracks is re-read after a few seconds.
/// </summary>
public sealed class SubtitleRenditions(IBlobStore store, ILogger<SubtitleRenditions> log) : IDisposable
{
    /// <summary>How long a node trusts its copy of a title's track list (a new upload shows up after at most this).</summary>
    public static readonly TimeSpan TracksFresh = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MinRereadInterval = TimeSpan.FromSeconds(1);
    private const int MaxPlaylistBytes = 1 << 20;
    private const int MaxFragmentHeadBytes = 512 * 1024;
    private const int MaxTrackBytes = 64 << 20;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L << 20 });

    /// <summary>
    /// The title's subtitle tracks; null when its entity did not answer. <paramref name="fresh"/> reads them again
    /// unless they were read in the last second, so requests for tracks that do not exist cannot make a node ask the
    /// title for each one.
    /// </summary>
    public async Task<IReadOnlyList<TitleSubtitles>?> TracksAsync(IActorRef titles, string titleId, bool fresh, CancellationToken ct)
    {
        var key = ("tracks", titleId);
        if (_cache.TryGetValue(key, out KnownTracks? known) && (!fresh || DateTime.UtcNow - known!.ReadAt < MinRereadInterval)) return known!.Tracks;
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { Kind: RejectionKind.Unavailable }) return null;
        IReadOnlyList<TitleSubtitles> tracks = answer.Reply?.Subtitles.OrderBy(t => t.Language, StringComparer.Ordinal).ToList() ?? [];
        _cache.Set(key, new KnownTracks(tracks, DateTime.UtcNow), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TracksFresh, Size = 256 });
        return tracks;
    }

    private sealed record KnownTracks(IReadOnlyList<TitleSubtitles> Tracks, DateTime ReadAt);

    /// <summary>The stored master with a subtitle group for <paramref name="tracks"/>; null when the master is gone.</summary>
    public async Task<string?> MasterAsync(string titleId, TitlePackage package, IReadOnlyList<TitleSubtitles> tracks, CancellationToken ct)
    {
        var master = await ReadTextAsync(package.MasterKey, ct);
        if (master is null || tracks.Count == 0 || await TimelineAsync(titleId, package, ct) is null) return master;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var renditions = tracks.Select(t =>
        {
            var name = LanguageNames.For(t.Language);
            if (!names.Add(name)) name = $"{name} ({t.Language})"; // NAME is unique within a group
            return new HlsSubtitleRendition(t.Language, name, SubtitlePath.Playlist(t.Language, t.UploadId));
        }).ToList();
        return MasterPlaylistWriter.WithSubtitles(master, renditions);
    }

    public async Task<string?> PlaylistAsync(string titleId, TitlePackage package, TitleSubtitles track, CancellationToken ct) =>
        (await RenderAsync(titleId, package, track, ct))?.Playlist;

    public async Task<string?> SegmentAsync(string titleId, TitlePackage package, TitleSubtitles track, int index, CancellationToken ct) =>
        await RenderAsync(titleId, package, track, ct) is { } rendered && index < rendered.Segments.Count ? rendered.Segments[index] : null;

    private sealed record RenderedTrack(string Playlist, IReadOnlyList<string> Segments);

    private async Task<RenderedTrack?> RenderAsync(string titleId, TitlePackage package, TitleSubtitles track, CancellationToken ct)
    {
        var key = ("track", titleId, track.UploadId);
        if (_cache.TryGetValue(key, out RenderedTrack? known)) return known;
        if (await TimelineAsync(titleId, package, ct) is not { } timeline) return null;
        var text = await ReadTextAsync(track.BlobKey, ct, MaxTrackBytes);
        if (text is null) return null;
        var document = SubtitleParser.Parse(text);
        var rendered = new RenderedTrack(WebVttSegmenter.Playlist(timeline, SubtitlePath.SegmentFile),
            WebVttSegmenter.Segment(document.Cues, document.Format, timeline));
        _cache.Set(key, rendered, new MemoryCacheEntryOptions
        {
            Size = rendered.Playlist.Length + rendered.Segments.Sum(s => (long)s.Length), SlidingExpiration = TimeSpan.FromMinutes(30),
        });
        return rendered;
    }

    /// <summary>
    /// The first variant's segment durations and where its first picture sits; null when the package has no media
    /// playlist with segments (then the title is served without subtitles). Published packages never change.
    /// </summary>
    private async Task<SubtitleTimeline?> TimelineAsync(string titleId, TitlePackage package, CancellationToken ct)
    {
        var key = ("timeline", titleId);
        if (_cache.TryGetValue(key, out SubtitleTimeline? known)) return known;
        var master = await ReadTextAsync(package.MasterKey, ct);
        var variant = master is null ? null : MediaPlaylistText.FirstVariantUri(master);
        if (variant is null || Resolve(package.HlsPrefix, "", variant) is not { } playlistKey) return null;
        var playlistText = await ReadTextAsync(playlistKey, ct);
        if (playlistText is null) return null;
        var media = MediaPlaylistText.Parse(playlistText);
        if (media.Segments.Count == 0) return null;

        var folder = variant.Contains('/') ? variant[..(variant.LastIndexOf('/') + 1)] : "";
        (long MpegTs, TimeSpan Delay)? start = null;
        if (Resolve(package.HlsPrefix, folder, media.Segments[0].Uri) is { } firstKey && await ReadHeadAsync(firstKey, MaxFragmentHeadBytes, ct) is { } head)
        {
            if (media.InitUri is null) start = TsTiming.Read(head.Span) is { } ts ? (ts.MpegTs, ts.PresentationDelay) : null;
            else if (Resolve(package.HlsPrefix, folder, media.InitUri) is { } initKey && await ReadHeadAsync(initKey, MaxPlaylistBytes, ct) is { } init)
                start = Fmp4Timing.Read(init, head) is { } fmp4 ? (fmp4.MpegTs, fmp4.PresentationDelay) : null;
        }
        if (start is null)
            log.LogWarning("title {TitleId}: the start of its video could not be read from {Playlist}; subtitles are mapped to time zero", titleId, playlistKey);
        var timeline = new SubtitleTimeline(media.Segments.Select(s => s.Duration).ToList(), start?.MpegTs ?? 0, start?.Delay ?? TimeSpan.Zero);
        _cache.Set(key, timeline, new MemoryCacheEntryOptions { Size = 64 + 8L * timeline.SegmentDurations.Count, SlidingExpiration = TimeSpan.FromHours(1) });
        return timeline;
    }

    /// <summary>A URI of the package (relative, inside its folder) as a blob key; null for anything else.</summary>
    private static string? Resolve(string prefix, string folder, string uri)
    {
        if (uri.Contains("://", StringComparison.Ordinal) || uri.StartsWith('/') || uri.Contains('?') || uri.Contains('#')) return null;
        var key = prefix + folder + uri;
        return BlobKey.IsValid(key) ? key : null;
    }

    private async Task<string?> ReadTextAsync(string key, CancellationToken ct, int maxBytes = MaxPlaylistBytes) =>
        await ReadHeadAsync(key, maxBytes, ct) is { } bytes ? Encoding.UTF8.GetString(bytes.Span) : null;

    /// <summary>At most <paramref name="maxBytes"/> from the blob's start; null when there is no such blob.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadHeadAsync(string key, int maxBytes, CancellationToken ct)
    {
        var info = await store.GetInfoAsync(key, ct);
        if (info is null) return null;
        if (info.Length == 0) return ReadOnlyMemory<byte>.Empty;
        var length = Math.Min(info.Length, maxBytes);
        await using var stream = await store.OpenReadAsync(key, new BlobRange(0, length), ct);
        if (stream is null) return null;
        var buffer = new MemoryStream((int)length);
        await stream.CopyToAsync(buffer, ct);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public void Dispose() => _cache.Dispose();
}
