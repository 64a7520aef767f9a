namespace MediaPlatform.Actors.Storage;

/// <summary>
/// A byte range to read: from <see cref="Offset"/>, <see cref="Length"/> bytes or (null) to the end. A range running
/// past the end of the blob is cut at the end, as HTTP ranges are.
/// </summary>
public sealed record BlobRange(long Offset, long? Length = null)
{
    public BlobRange Validate() =>
        Offset < 0 || Length is < 0 ? throw new ArgumentOutOfRangeException(nameof(Offset), "a range needs a non-negative offset and length") : this;
}
