using System.Security.Claims;
using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// A title that is not published yet, as the playback route serves it: while it transcodes (or waits for its quality
/// check) its growing playlists and the segments encoded so far, from the upload's HLS folder, to whoever may see the
/// title (its owner and admins; anyone else gets the 404 of a title that does not exist). Everything is private: the
/// segments never change, the playlists grow, so they are cached for a second only. A title that failed is no longer
/// served and says why (404 with the failure's reason, to those who may see the title).
/// </summary>
public static class EarlyPlaylistRoutes
{
    public const string SegmentCaching = "private, max-age=31536000, immutable";
    public const string PlaylistCaching = "private, max-age=1";

    public static async Task<IResult> ServeAsync(string titleId, string path, (string ContentType, string CacheControl) media,
        IActorRef titles, IBlobStore store, ClaimsPrincipal caller, CancellationToken ct)
    {
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { Kind: Actors.Entities.RejectionKind.Unavailable }) return ApiProblems.Timeout($"title {titleId}");
        if (answer.Reply is not { } title || !caller.MaySee(title)) return NotPublished(titleId);
        // Its early playlists were withdrawn with the failure: the owner learns why.
        if (title.Status == TitleStatus.Failed)
            return ApiProblems.From(Actors.Entities.Rejection.NotFound(
                $"title {titleId} is not published: it failed and is no longer served ({title.Failure?.Reason ?? "unknown reason"})"));
        if (title.Status is not (TitleStatus.Transcoding or TitleStatus.QualityCheck) || title.Source is not { } source)
            return NotPublished(titleId);

        var key = TitleBlobKeys.Hls(titleId) + source.UploadId + "/" + path;
        if (!BlobKey.IsValid(key)) return TitlePlaybackRoutes.NotFound(titleId, path);
        var blob = await store.GetInfoAsync(key, ct);
        var caching = media.CacheControl == MediaTypes.PlaylistCaching ? PlaylistCaching : SegmentCaching;
        return blob is null ? TitlePlaybackRoutes.NotFound(titleId, path) : new BlobResult(store, blob, media.ContentType, caching);
    }

    private static IResult NotPublished(string titleId) =>
        ApiProblems.From(Actors.Entities.Rejection.NotFound($"title {titleId} does not exist or is not published"));
}
