namespace MediaPlatform.Streams.Quality;

/// <summary>A subtitle file uploaded for a title; <paramref name="Name"/> labels its findings (e.g. "en.vtt").</summary>
public sealed record SubtitleFile(string Name, string Path);

/// <summary>What to check: a media file and its subtitle files. <paramref name="Id"/> is the caller's correlation key.</summary>
public sealed record QcRequest(string Id, string MediaPath, IReadOnlyList<SubtitleFile> Subtitles, QcThresholds? Thresholds = null);

/// <summary>A request and the report for it, as emitted by the quality-control flow.</summary>
public sealed record QcResult(QcRequest Request, QcReport Report);
