using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Actors.Live;

/// <summary>Where a live stream's HLS files go: built from the stream id the platform generated, never from a request.</summary>
public static class LiveBlobKeys
{
    /// <summary>The folder of the stream's HLS files (ends in '/'); the master playlist and one folder per rung under it.</summary>
    public static string Hls(string streamId) => BlobKey.Join("live", streamId, "hls") + "/";
}
