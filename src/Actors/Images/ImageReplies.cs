using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

/// <summary>A stage's result or failure is recorded; <see cref="NextJobs"/> are the stages now ready to run.</summary>
[Manifest("image.recorded.v1")]
public sealed record ImageStageRecorded(string ImageId, IReadOnlyList<ImageJob> NextJobs) : IProtocolMessage;

/// <summary>One stage as the API shows it.</summary>
public sealed record ImageStageView(StageStatus Status, int Attempts, string? Reason);

/// <summary>An image as GET /api/images/{id} shows it.</summary>
[Manifest("image.view.v1")]
public sealed record ImageView(
    string ImageId,
    ImageStatus Status,
    ImageKind Kind,
    string OwnerId,
    string SubjectId,
    int? Width,
    int? Height,
    string? Format,
    IReadOnlyDictionary<string, ImageStageView> Stages,
    IReadOnlyList<string> Tags,
    StoredImageTags? Details,
    int? Faces,
    IReadOnlyList<StoredImageVariant> Variants,
    string? Reason,
    DateTimeOffset SubmittedAt,
    double? FrameSeconds = null) : IProtocolMessage;
