namespace MediaPlatform.Actors.Images;

/// <summary>An image is processing until every stage has reported, then complete; failed once a stage has failed for good.</summary>
public enum ImageStatus
{
    None,
    Processing,
    Complete,
    Failed,
}

/// <summary>One stage of one image: waiting to run (or running), succeeded, failed for good, or skipped (blur when off).</summary>
public enum StageStatus
{
    Pending,
    Succeeded,
    Failed,
    Skipped,
}
