namespace MediaPlatform.Actors.Storage;

/// <summary>A key that is not a valid blob key (empty, absolute, '..', characters outside the key alphabet).</summary>
public sealed class InvalidBlobKeyException(string key, string reason)
    : ArgumentException($"'{Shorten(key)}' is not a valid blob key: {reason}")
{
    public string Key { get; } = key;

    private static string Shorten(string key) => key.Length <= 80 ? key : key[..80] + "…";
}

/// <summary>A write went past its size limit; nothing was stored.</summary>
public sealed class BlobTooLargeException(string key, long maxBytes)
    : IOException($"blob '{key}' is larger than the limit of {maxBytes} bytes; nothing was stored")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>A read range that starts at or beyond the end of the blob.</summary>
public sealed class BlobRangeNotSatisfiableException(string key, long length)
    : IOException($"the range asked for is beyond the end of blob '{key}' ({length} bytes)")
{
    public long Length { get; } = length;
}
