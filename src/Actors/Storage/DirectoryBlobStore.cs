using System.Buffers;
using System.Runtime.CompilerServices;

namespace MediaPlatform.Actors.Storage;

/// <summary>
/// Blobs as files under one root directory (local nodes share one directory, so every node serves every blob). A key
/// maps to the same relative path. Writes go to a temporary file in <c>.incoming/</c> under the root and are renamed
/// into place when complete, so a reader sees the old blob or the whole new one, never a part, and a failed upload
/// leaves nothing behind. Keys never start a segment with '.', so they cannot reach <c>.incoming/</c>.
/// </summary>
public sealed class DirectoryBlobStore : IBlobStore
{
    private const string IncomingFolder = ".incoming";
    private const int BufferSize = 81_920;
    private readonly string _rootWithSeparator;

    public DirectoryBlobStore(string root)
    {
        Root = Path.GetFullPath(root);
        _rootWithSeparator = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathFor(key));
        return Task.FromResult(file.Exists ? Info(key, file) : null);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathFor(key)));

    public Task<Stream?> OpenReadAsync(string key, BlobRange? range = null, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        range?.Validate();
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        if (range is null) return Task.FromResult<Stream?>(stream);
        var length = stream.Length;
        if (range.Offset >= length)
        {
            stream.Dispose();
            throw new BlobRangeNotSatisfiableException(key, length);
        }
        stream.Seek(range.Offset, SeekOrigin.Begin);
        var available = length - range.Offset;
        return Task.FromResult<Stream?>(new BoundedReadStream(stream, Math.Min(available, range.Length ?? available)));
    }

    public async Task<BlobInfo> WriteAsync(string key, Stream content, long? maxBytes = null, CancellationToken cancellationToken = default)
    {
        var target = PathFor(key);
        var incoming = Path.Combine(Root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temp = Path.Combine(incoming, $"{Guid.NewGuid():N}.part");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    total += read;
                    if (maxBytes is { } max && total > max) throw new BlobTooLargeException(key, max);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                // On disk before it becomes visible: a crash must not leave a renamed but empty blob.
                file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
            return Info(key, new FileInfo(target));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathFor(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobKey.ValidatePrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? Root : Path.Combine(Root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder)) yield break;
        var found = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && BlobKey.IsValid(key))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var key in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = new FileInfo(PathFor(key));
            if (file.Exists) yield return Info(key, file); // deleted meanwhile: skipped
        }
        await Task.CompletedTask;
    }

    public string? LocalPathOf(string key) => PathFor(key);

    /// <summary>The file a key maps to; refuses invalid keys and (belt and braces) any path that leaves the root.</summary>
    private string PathFor(string key)
    {
        BlobKey.Validate(key);
        var path = Path.GetFullPath(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_rootWithSeparator, StringComparison.Ordinal))
            throw new InvalidBlobKeyException(key, "it points outside the store");
        return path;
    }

    private static BlobInfo Info(string key, FileInfo file) => new(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));

    private void RemoveEmptyFolders(string folder)
    {
        // Best effort: another writer may be filling the folder at this moment, which is fine.
        for (var dir = folder; dir.StartsWith(_rootWithSeparator, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir)!)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(dir).Any()) return;
                Directory.Delete(dir);
            }
            catch (IOException) { return; }
            catch (UnauthorizedAccessException) { return; }
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
