using System.Text;
using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Actors.Tests.Storage;

/// <summary>Storing a folder of files (a title's package) in the blob store, leaving alone what the caller stored already.</summary>
public sealed class BlobFilesSpecs : IDisposable
{
    private readonly TempDirectory _root = new("blob-files-spec");
    private readonly DirectoryBlobStore _store;

    public BlobFilesSpecs() => _store = new DirectoryBlobStore(_root.Combine("blobs"));

    public void Dispose() => _root.Dispose();

    private async Task<string> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(key) ?? throw new FileNotFoundException(key);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task A_folder_must_be_stored_whole_except_files_the_caller_stored_already_with_as_many_bytes()
    {
        var folder = _root.Combine("package");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "v_00000.m4s"), "new0");
        await File.WriteAllTextAsync(Path.Combine(folder, "v_00001.m4s"), "new1");
        await File.WriteAllTextAsync(Path.Combine(folder, "v.m3u8"), "vod");
        // Stored before: the first segment (as many bytes: left alone), the second with another length, the playlist.
        await _store.WriteAsync("p/v_00000.m4s", new MemoryStream("old0"u8.ToArray()));
        await _store.WriteAsync("p/v_00001.m4s", new MemoryStream("shorter"u8.ToArray()));
        await _store.WriteAsync("p/v.m3u8", new MemoryStream("evt"u8.ToArray()));

        var written = await BlobFiles.UploadFolderAsync(_store, folder, "p/", CancellationToken.None, key => key.EndsWith(".m4s", StringComparison.Ordinal));

        Assert.Equal(2, written);
        Assert.Equal("old0", await ReadAsync("p/v_00000.m4s"));
        Assert.Equal("new1", await ReadAsync("p/v_00001.m4s"));
        Assert.Equal("vod", await ReadAsync("p/v.m3u8")); // not named by the caller: written again

        Assert.Equal(3, await BlobFiles.UploadFolderAsync(_store, folder, "p/", CancellationToken.None));
        Assert.Equal("new0", await ReadAsync("p/v_00000.m4s"));
    }
}
