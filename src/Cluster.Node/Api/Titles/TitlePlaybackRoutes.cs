using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// GET (and HEAD) /media/titles/{titleId}/{path}: a published title's HLS files, from the blob store, on every node.
/// The path is looked up inside the title's package folder only, and must be a valid blob key (no '..', no hidden or
/// absolute names, nothing outside the key alphabet): anything else is a 400 before the store is touched. Unknown
/// titles, and files that are not there or are not media, are 404; a title still transcoding is served to whoever may
/// see it (<see cref="EarlyPlaylistRoutes"/>). The master playlist of a title with
/// subtitles and its subtitles/ folder are rendered by <see cref="SubtitleRenditions"/> under the same rules.
/// Everything but the poster is for those entitled to watch (<see cref="PlaybackEntitlements"/>: owner, subscriber,
/// buyer; 401 anonymous, 403 otherwise) and is cached privately (a shared cache must not hand it to anyone else).
/// </summary>
public static class TitlePlaybackRoutes
{
    public const string Prefix = "/media/titles";

    /// <summary>The one file of a package anyone may fetch: the home page shows it to visitors.</summary>
    public const string Poster = "poster.jpg";

    public static IEndpointRouteBuilder MapTitlePlayback(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Prefix + "/{titleId}/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithTags("playback")
            .WithSummary("A published title's HLS playlists and segments (byte ranges, caching headers)");
        return app;
    }

    private static async Task<IResult> ServeAsync(string titleId, string? path, IRequiredActor<EntityRegions.Titles> region,
        IRequiredActor<EntityRegions.BillingAccounts> accounts, PublishedTitles published, PlaybackEntitlements entitlements,
        SubtitleRenditions subtitles, IBlobStore store, HttpContext http, CancellationToken ct)
    {
        if (ApiInput.Id("title id", titleId) is { } badId) return badId;
        if (string.IsNullOrEmpty(path) || !BlobKey.IsValid(path))
            return ApiProblems.Invalid("the media path must be a file of the title's package: letters, digits, '.', '_', '-' and '/', no '..' or hidden names");
        if (MediaTypes.For(path) is not { } media) return NotFound(titleId, path);

        var (package, ownerId, unavailable) = await published.PublishedAsync(region.ActorRef, titleId, ct);
        if (unavailable) return ApiProblems.Timeout($"title {titleId}");
        if (package is null) return await EarlyPlaylistRoutes.ServeAsync(titleId, path, media, region.ActorRef, store, http.User, ct);
        if (path != Poster)
        {
            if (await entitlements.RefusalAsync(http.User, titleId, ownerId!, accounts.ActorRef, ct) is { } refused) return refused;
            media = media with { CacheControl = Private(media.CacheControl) };
        }

        if (path == package.MasterPlaylist || SubtitlePath.IsSubtitlePath(path))
        {
            var tracks = await subtitles.TracksAsync(region.ActorRef, titleId, fresh: false, ct);
            if (tracks is null) return ApiProblems.Timeout($"title {titleId}");
            if (SubtitlePath.IsSubtitlePath(path)) return await SubtitleAsync(titleId, path, package, tracks, region, subtitles, media, ct);
            if (tracks.Count > 0)
                return await subtitles.MasterAsync(titleId, package, tracks, ct) is { } master
                    ? new GeneratedFileResult(master, media.ContentType, media.CacheControl)
                    : NotFound(titleId, path);
        }

        var key = package.HlsPrefix + path;
        if (!BlobKey.IsValid(key)) return NotFound(titleId, path);
        var blob = await store.GetInfoAsync(key, ct);
        return blob is null ? NotFound(titleId, path) : new BlobResult(store, blob, media.ContentType, media.CacheControl);
    }

    private static async Task<IResult> SubtitleAsync(string titleId, string path, Actors.Titles.TitlePackage package,
        IReadOnlyList<Actors.Titles.TitleSubtitles> tracks, IRequiredActor<EntityRegions.Titles> region, SubtitleRenditions subtitles,
        (string ContentType, string CacheControl) media, CancellationToken ct)
    {
        if (SubtitlePath.TryParse(path) is not { } wanted) return NotFound(titleId, path);
        bool Matches(Actors.Titles.TitleSubtitles t) => t.Language == wanted.Language && t.UploadId == wanted.UploadId;
        var track = tracks.FirstOrDefault(Matches);
        // A track uploaded since this node last looked: read the title again before answering 404.
        if (track is null && await subtitles.TracksAsync(region.ActorRef, titleId, fresh: true, ct) is { } fresh) track = fresh.FirstOrDefault(Matches);
        if (track is null) return NotFound(titleId, path);
        var text = wanted.Segment is { } index
            ? await subtitles.SegmentAsync(titleId, package, track, index, ct)
            : await subtitles.PlaylistAsync(titleId, package, track, ct);
        return text is null ? NotFound(titleId, path) : new GeneratedFileResult(text, media.ContentType, media.CacheControl);
    }

    /// <summary>The same lifetime, for this browser only.</summary>
    private static string Private(string cacheControl) => cacheControl.Replace("public", "private", StringComparison.Ordinal);

    internal static IResult NotFound(string titleId, string path) =>
        Results.Problem(title: "Not found", detail: $"title {titleId} has no media file '{Shorten(path)}'", statusCode: StatusCodes.Status404NotFound);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
