namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// A rendition read straight from its encoded chunks, with no file assembled: an ffconcat list naming the chunk files
/// in order, which ffmpeg's concat demuxer reads as one video with continuous times (seeking included). The package
/// step cuts HLS segments from the chunks the same way, so there is no whole-rung file to sample thumbnails from.
/// </summary>
public static class ChunkConcatList
{
    public const string Extension = ".ffconcat";

    /// <summary>Writes the list of <paramref name="chunkPaths"/> (absolute) to <paramref name="listPath"/>.</summary>
    public static string Write(IEnumerable<string> chunkPaths, string listPath)
    {
        var lines = chunkPaths.Select(p => $"file '{Path.GetFullPath(p).Replace("'", @"'\''")}'");
        File.WriteAllText(listPath, "ffconcat version 1.0\n" + string.Join('\n', lines) + "\n");
        return listPath;
    }

    /// <summary>
    /// ffmpeg's input arguments for a video file or a list: a list is opened with the concat demuxer, which must be told
    /// (<c>-safe 0</c>) that its absolute paths are ours.
    /// </summary>
    public static IReadOnlyList<string> Input(string path) =>
        path.EndsWith(Extension, StringComparison.Ordinal) ? ["-f", "concat", "-safe", "0", "-i", path] : ["-i", path];
}
