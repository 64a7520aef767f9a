namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Names and places of one upload's transcode. Everything derives from the title id and the upload id, so a pipeline
/// resumed on another node finds the same batch, work ids and files, and a new upload never meets an old one's.
/// </summary>
public sealed record TitleWork(string TitleId, string UploadId, string Folder)
{
    public static TitleWork For(string workRoot, string titleId, string uploadId) =>
        new(titleId, uploadId, Path.Combine(workRoot, titleId, uploadId));

    /// <summary>Every upload's work of a title; removed when the title is published or failed.</summary>
    public static string TitleFolder(string workRoot, string titleId) => Path.Combine(workRoot, titleId);

    public string BatchId => $"title-{TitleId}-{UploadId}";

    public string WorkId(int chunkIndex, string rung) => $"{BatchId}/{chunkIndex:D5}/{rung}";

    /// <summary>A chunk item's id: the chunk to every rung (since one decode per chunk).</summary>
    public string WorkId(int chunkIndex) => $"{BatchId}/{chunkIndex:D5}";

    public string EncodedPath(int chunkIndex, string rung) => Path.Combine(Folder, "encoded", rung, $"chunk_{chunkIndex:D5}.mp4");

    public string PackageFolder => Path.Combine(Folder, "hls");

    /// <summary>Copies of blobs for stores that are not local files.</summary>
    public string CopyFolder => Path.Combine(Folder, "copies");

    /// <summary>Where the package is stored: under the title's HLS folder, one sub-folder per upload.</summary>
    public string HlsPrefix => TitleBlobKeys.Hls(TitleId) + UploadId + "/";
}
