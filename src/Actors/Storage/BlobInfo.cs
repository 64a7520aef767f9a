namespace MediaPlatform.Actors.Storage;

/// <summary>One stored blob: its key, size in bytes and when it was last written.</summary>
public sealed record BlobInfo(string Key, long Length, DateTimeOffset LastModified);
