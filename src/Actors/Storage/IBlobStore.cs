namespace MediaPlatform.Actors.Storage;

/// <summary>
/// Where media bytes live: uploaded sources, subtitles and the HLS packages players fetch. Keys are '/'-separated
/// paths built from ids (see <see cref="BlobKey"/>); every implementation refuses a key that is not valid.
/// A write is all or nothing: readers never see a partly written blob, and a failed write leaves nothing behind.
/// </summary>
public interface IBlobStore
{
    /// <summary>Size and modification time, or null when there is no such blob.</summary>
    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The blob's bytes, or the part <paramref name="range"/> selects; null when there is no such blob.</summary>
    /// <exception cref="BlobRangeNotSatisfiableException">The range starts at or beyond the end of the blob.</exception>
    Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores everything <paramref name="content"/> yields under <paramref name="key"/>, replacing any blob there, and
    /// answers the blob's size. More than <paramref name="maxBytes"/> bytes fail the write with
    /// <see cref="BlobTooLargeException"/>; any failure (including a cancelled or broken source) leaves no blob behind.
    /// </summary>
    Task<BlobInfo> WriteAsync(string key, Stream content, long? maxBytes = null, CancellationToken cancellationToken = default);

    /// <summary>True when a blob was deleted, false when there was none.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every blob whose key starts with <paramref name="prefix"/> (a folder prefix ends with '/'), in key order.</summary>
    IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// A file path ffmpeg can read the blob from directly, when the store keeps blobs as local files; null otherwise
    /// (then a reader copies the blob out first, see <see cref="BlobFiles"/>).
    /// </summary>
    string? LocalPathOf(string key) => null;
}
