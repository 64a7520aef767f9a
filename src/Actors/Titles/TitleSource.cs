namespace MediaPlatform.Actors.Titles;

/// <summary>
/// The uploaded source: its blob, size and upload id. <see cref="OriginalFileName"/> is what the uploader called the
/// file, kept as metadata only: it never becomes part of a blob key or path.
/// </summary>
public sealed record TitleSource(string UploadId, string BlobKey, long SizeBytes, string? OriginalFileName, DateTimeOffset UploadedAt);
