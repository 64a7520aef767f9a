using System.Text;
using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Actors.Tests.Storage;

/// <summary>The directory blob store: whole writes, ranges, listing, deleting, limits and the key rule.</summary>
public sealed class DirectoryBlobStoreSpecs : IDisposable
{
    private readonly TempDirectory _root = new("blob-spec");
    private readonly DirectoryBlobStore _store;

    public DirectoryBlobStoreSpecs() => _store = new DirectoryBlobStore(_root.Combine("blobs"));

    public void Dispose() => _root.Dispose();

    private static MemoryStream Bytes(string text) => new(Encoding.ASCII.GetBytes(text));

    private async Task<string> ReadAsync(string key, BlobRange? range = null)
    {
        await using var stream = await _store.OpenReadAsync(key, range) ?? throw new FileNotFoundException(key);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task A_written_blob_must_read_back_identically_and_report_its_size()
    {
        var info = await _store.WriteAsync("titles/t1/source/u1", Bytes("0123456789"));
        Assert.Equal(("titles/t1/source/u1", 10L), (info.Key, info.Length));
        Assert.Equal("0123456789", await ReadAsync("titles/t1/source/u1"));
        Assert.True(await _store.ExistsAsync("titles/t1/source/u1"));
        Assert.Equal(10, (await _store.GetInfoAsync("titles/t1/source/u1"))!.Length);
        Assert.True(File.Exists(_root.Combine("blobs", "titles", "t1", "source", "u1")));
    }

    [Fact]
    public async Task A_second_write_must_replace_the_blob()
    {
        await _store.WriteAsync("a/b", Bytes("first version"));
        await _store.WriteAsync("a/b", Bytes("second"));
        Assert.Equal("second", await ReadAsync("a/b"));
    }

    [Theory]
    [InlineData(0, 4L, "0123")]
    [InlineData(3, 4L, "3456")]
    [InlineData(7, null, "789")]
    [InlineData(8, 100L, "89")]
    [InlineData(9, 1L, "9")]
    public async Task A_range_read_must_answer_exactly_the_bytes_asked_for(long offset, long? length, string expected)
    {
        await _store.WriteAsync("r/blob", Bytes("0123456789"));
        Assert.Equal(expected, await ReadAsync("r/blob", new BlobRange(offset, length)));
    }

    [Fact]
    public async Task A_range_starting_at_or_past_the_end_must_be_refused()
    {
        await _store.WriteAsync("r/blob", Bytes("0123456789"));
        await Assert.ThrowsAsync<BlobRangeNotSatisfiableException>(() => _store.OpenReadAsync("r/blob", new BlobRange(10)));
    }

    [Fact]
    public async Task Missing_blobs_must_read_as_null_and_not_exist()
    {
        Assert.Null(await _store.OpenReadAsync("nope/none"));
        Assert.Null(await _store.GetInfoAsync("nope/none"));
        Assert.False(await _store.ExistsAsync("nope/none"));
        Assert.False(await _store.DeleteAsync("nope/none"));
    }

    [Fact]
    public async Task Delete_must_remove_the_blob_and_its_empty_folders_but_nothing_else()
    {
        await _store.WriteAsync("titles/t1/source/u1", Bytes("x"));
        await _store.WriteAsync("titles/t2/source/u1", Bytes("y"));
        Assert.True(await _store.DeleteAsync("titles/t1/source/u1"));
        Assert.False(await _store.ExistsAsync("titles/t1/source/u1"));
        Assert.False(Directory.Exists(_root.Combine("blobs", "titles", "t1")));
        Assert.Equal("y", await ReadAsync("titles/t2/source/u1"));
    }

    [Fact]
    public async Task List_must_answer_the_blobs_under_a_prefix_in_key_order()
    {
        foreach (var key in new[] { "titles/t1/hls/b.m4s", "titles/t1/hls/a.m3u8", "titles/t1/hls/240p/s1.m4s", "titles/t10/hls/x", "titles/t2/hls/y" })
            await _store.WriteAsync(key, Bytes(key));
        var folder = await _store.ListAsync("titles/t1/").Select(b => b.Key).ToListAsync();
        Assert.Equal(["titles/t1/hls/240p/s1.m4s", "titles/t1/hls/a.m3u8", "titles/t1/hls/b.m4s"], folder);
        var byName = await _store.ListAsync("titles/t1").Select(b => b.Key).ToListAsync();
        Assert.Equal(4, byName.Count); // "titles/t1" also matches titles/t10/...
        Assert.Equal(5, await _store.ListAsync("").CountAsync());
        Assert.Empty(await _store.ListAsync("titles/none/").ToListAsync());
    }

    [Fact]
    public async Task A_write_over_the_limit_must_fail_and_leave_nothing_behind()
    {
        await _store.WriteAsync("big/one", Bytes("old"));
        await Assert.ThrowsAsync<BlobTooLargeException>(() => _store.WriteAsync("big/one", new MemoryStream(new byte[200_000]), maxBytes: 100_000));
        Assert.Equal("old", await ReadAsync("big/one")); // the old blob is untouched
        await Assert.ThrowsAsync<BlobTooLargeException>(() => _store.WriteAsync("big/two", new MemoryStream(new byte[200_000]), maxBytes: 100_000));
        Assert.False(await _store.ExistsAsync("big/two"));
        Assert.Empty(Directory.EnumerateFiles(_root.Combine("blobs"), "*.part", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_source_that_breaks_mid_write_must_leave_nothing_behind()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.WriteAsync("broken/one", new BreakingStream(100_000)));
        Assert.False(await _store.ExistsAsync("broken/one"));
        Assert.Empty(Directory.EnumerateFiles(_root.Combine("blobs"), "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../outside")]
    [InlineData("titles/../../outside")]
    [InlineData("titles/t1/..")]
    [InlineData("titles/./t1")]
    [InlineData(".incoming/x")]
    [InlineData("titles//t1")]
    [InlineData("titles/t1/")]
    [InlineData("titles\\..\\x")]
    [InlineData("titles/t 1")]
    [InlineData("titles/t1/%2e%2e")]
    [InlineData("C:/windows")]
    public async Task Invalid_keys_must_be_refused_by_every_operation(string key)
    {
        Assert.False(BlobKey.IsValid(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => _store.WriteAsync(key, Bytes("x")));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => _store.OpenReadAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => _store.GetInfoAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => _store.ExistsAsync(key));
        await Assert.ThrowsAsync<InvalidBlobKeyException>(() => _store.DeleteAsync(key));
        Assert.False(File.Exists(_root.Combine("outside")));
    }

    [Theory]
    [InlineData("titles/t-1/source/0f3a")]
    [InlineData("titles/t_1/hls/240p/seg-00001.m4s")]
    [InlineData("a")]
    public void Keys_of_ids_and_file_names_must_be_valid(string key) => Assert.True(BlobKey.IsValid(key));

    /// <summary>Yields some bytes, then fails like a dropped connection.</summary>
    private sealed class BreakingStream(int failAfter) : Stream
    {
        private int _sent;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= failAfter) throw new IOException("connection reset");
            var n = Math.Min(count, 4096);
            _sent += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
