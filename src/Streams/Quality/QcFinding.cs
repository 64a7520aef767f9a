namespace MediaPlatform.Streams.Quality;

/// <summary>
/// One thing quality control noticed. Only the fields that apply are set: a time span for black/frozen/silent stretches,
/// a pixel position for stuck pixels, a cue index and file line for subtitles; <paramref name="Source"/> names the file
/// a finding came from when a report covers several (e.g. a subtitle track).
/// </summary>
public sealed record QcFinding(
    string Check,
    QcSeverity Severity,
    string Message,
    TimeSpan? Start = null,
    TimeSpan? End = null,
    int? X = null,
    int? Y = null,
    int? Cue = null,
    int? Line = null,
    string? Source = null);
