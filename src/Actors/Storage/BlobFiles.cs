namespace MediaPlatform.Actors.Storage;

/// <summary>Moving blobs to and from local files, for the tools (ffmpeg) that only read and write files.</summary>
public static class BlobFiles
{
    /// <summary>
    /// A local file holding the blob: the store's own file when it has one, otherwise a copy under
    /// <paramref name="copyFolder"/> (made once). Throws <see cref="FileNotFoundException"/> when there is no such blob.
    /// </summary>
    public static async Task<string> LocalFileAsync(IBlobStore store, string key, string copyFolder, CancellationToken ct)
    {
        if (store.LocalPathOf(key) is { } path)
            return File.Exists(path) ? path : throw new FileNotFoundException($"blob {key} is missing from storage", path);
        var copy = Path.Combine(copyFolder, key.Replace('/', '_'));
        if (File.Exists(copy)) return copy;
        await using var source = await store.OpenReadAsync(key, null, ct) ?? throw new FileNotFoundException($"blob {key} is missing from storage");
        Directory.CreateDirectory(copyFolder);
        var part = $"{copy}.{Guid.NewGuid():N}.part";
        await using (var target = File.Create(part)) await source.CopyToAsync(target, ct);
        File.Move(part, copy, overwrite: true);
        return copy;
    }

    /// <summary>
    /// Stores every file under <paramref name="folder"/> as <paramref name="prefix"/> + its relative path; answers how
    /// many were written. A file whose key <paramref name="storedAlready"/> names, and whose blob holds as many bytes,
    /// is left as stored: the caller knows it wrote those very bytes before (the early playlists' segments are the
    /// package's), and writing them again costs a flushed copy per file and changes the blob's validator under players.
    /// </summary>
    public static async Task<int> UploadFolderAsync(IBlobStore store, string folder, string prefix, CancellationToken ct,
        Func<string, bool>? storedAlready = null)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = prefix + Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (storedAlready?.Invoke(key) == true && await store.GetInfoAsync(key, ct) is { } stored && stored.Length == new FileInfo(file).Length)
                continue;
            await using var content = File.OpenRead(file);
            await store.WriteAsync(key, content, null, ct);
            count++;
        }
        return count;
    }
}
