namespace MediaPlatform.Actors.Images;

/// <summary>
/// How one attempt of a stage went: a result, or a refusal that retrying cannot change (the upload is not an image
/// we accept). Anything else that goes wrong (a missing blob, a full disk) is an exception and is retried.
/// </summary>
public abstract record ImageStageRun
{
    public sealed record Succeeded(ImageStageResult Result) : ImageStageRun;

    public sealed record Refused(string Reason) : ImageStageRun;
}
