using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Titles;

/// <summary>A subtitle track attached to a title: one per language, stored as uploaded (WebVTT or SRT).</summary>
public sealed record TitleSubtitles(string Language, string UploadId, SubtitleFormat Format, string BlobKey, long SizeBytes, DateTimeOffset AttachedAt);
