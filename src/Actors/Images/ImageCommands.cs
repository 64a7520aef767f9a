using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

/// <summary>Every message an image entity handles; routed by <see cref="ImageId"/>.</summary>
public interface IImageCommand : IWithEntityId, IProtocolMessage
{
    string ImageId { get; }
    string IWithEntityId.EntityId => ImageId;
}

/// <summary>
/// An upload (or a title's sampled frame) stored at <see cref="ImageBlobKeys.Source"/>: start its pipeline. A repeat
/// with the same id answers the same jobs and stores nothing. <see cref="FrameAt"/> is a frame's time in its title.
/// </summary>
[Manifest("image.submit.v1")]
public sealed record SubmitImage(string ImageId, ImageKind Kind, string OwnerId, string SubjectId, long SourceBytes, bool BlurFaces,
    TimeSpan? FrameAt = null) : IImageCommand;

/// <summary>A worker's result for one stage. A result for a stage already done (late or duplicate) changes nothing.</summary>
[Manifest("image.stage-succeeded.v1")]
public sealed record RecordStageSucceeded(string ImageId, ImageStage Stage, int Attempt, ImageStageResult Result) : IImageCommand;

/// <summary>One failed attempt of a stage; <see cref="Final"/> when no attempt is left (or retrying cannot help).</summary>
[Manifest("image.stage-failed.v1")]
public sealed record RecordStageFailed(string ImageId, ImageStage Stage, int Attempt, string Reason, bool Final) : IImageCommand;

[Manifest("image.get.v1")]
public sealed record GetImage(string ImageId) : IImageCommand;
