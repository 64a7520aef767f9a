using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

public interface IImageEvent : IProtocolMessage;

/// <summary>An image's pipeline started; <see cref="FrameAt"/> (added field: null in older events) is a frame's time in its title.</summary>
[Manifest("image.submitted.v1")]
public sealed record ImageSubmitted(string ImageId, ImageKind Kind, string OwnerId, string SubjectId, long SourceBytes, bool BlurFaces, DateTimeOffset At,
    TimeSpan? FrameAt = null) : IImageEvent;

[Manifest("image.stage-done.v1")]
public sealed record ImageStageSucceeded(ImageStage Stage, int Attempt, ImageStageResult Result, DateTimeOffset At) : IImageEvent;

[Manifest("image.stage-attempt-failed.v1")]
public sealed record ImageStageAttemptFailed(ImageStage Stage, int Attempt, string Reason, bool Final, DateTimeOffset At) : IImageEvent;
