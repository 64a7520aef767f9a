namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Where a title is in its life: Created → SourceUploaded → Probing → Probed → Transcoding → QualityCheck → Published,
/// or Failed (with a reason) from any processing stage. A failed title takes a new source upload and starts again.
/// </summary>
public enum TitleStatus
{
    /// <summary>No entity yet (never persisted; the state before <see cref="Created"/>).</summary>
    None,
    Created,
    SourceUploaded,
    Probing,
    Probed,
    Transcoding,
    QualityCheck,
    Published,
    Failed,
}
