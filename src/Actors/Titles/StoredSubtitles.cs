namespace MediaPlatform.Actors.Titles;

/// <summary>
/// A subtitle track as the title snapshot stores it: <see cref="TitleSubtitles"/> with the stored format. Views get
/// the <see cref="TitleSubtitles"/> back through <see cref="ToTrack"/>.
/// </summary>
public sealed record StoredSubtitles(string Language, string UploadId, StoredSubtitleFormat Format, string BlobKey, long SizeBytes, DateTimeOffset AttachedAt)
{
    public TitleSubtitles ToTrack() => new(Language, UploadId, Format.ToFormat(), BlobKey, SizeBytes, AttachedAt);
}
