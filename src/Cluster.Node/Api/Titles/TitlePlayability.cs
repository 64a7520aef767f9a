using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Whether a title's master playlist is served: a published title's always; one still transcoding (or waiting for its
/// quality check) once the pipeline stored the master of its early playlists, i.e. its first segments can be played
/// (<see cref="EarlyPlaylistRoutes"/>, for those who may see the title).
/// </summary>
public static class TitlePlayability
{
    public static async Task<bool> IsPlayableAsync(TitleView title, IBlobStore store, CancellationToken ct) => title switch
    {
        { Status: TitleStatus.Published } => true,
        { Status: TitleStatus.Transcoding or TitleStatus.QualityCheck, Source: { } source } =>
            await store.ExistsAsync(TitleBlobKeys.Hls(title.TitleId) + source.UploadId + "/" + Streams.Packaging.TitlePackager.MasterFile, ct),
        _ => false,
    };
}
