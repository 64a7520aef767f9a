namespace MediaPlatform.Actors.Images;

/// <summary>
/// One stage to run for one image: what the queue holds and a worker runs. Carries what the stage reads: the blob it
/// starts from and, for blur, the faces detect found. Stable for a given image and stage, so enqueuing it again is
/// harmless.
/// </summary>
public sealed record ImageJob(string ImageId, ImageStage Stage, string InputKey, IReadOnlyList<StoredFace> Faces);
