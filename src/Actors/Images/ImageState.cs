using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// One image's pipeline, joined: which stages have reported, with what, and whether the image is complete (every
/// stage succeeded or skipped) or failed (a stage failed for good). Stage results arrive at least once, in any order
/// the queues deliver them: a result for a stage that is already settled, or for an image that has already failed,
/// is answered but stores nothing.
/// </summary>
[Manifest("image.state.v1")]
public sealed record ImageState(
    string ImageId,
    ImageStatus Status,
    ImageKind Kind,
    string OwnerId,
    string SubjectId,
    long SourceBytes,
    bool BlurFaces,
    DateTimeOffset SubmittedAt,
    ImmutableSortedDictionary<ImageStage, ImageStageRecord> Stages,
    ImmutableSortedDictionary<ImageStage, ImageStageResult> Results,
    string? Reason,
    TimeSpan? FrameAt = null) : IEntityState<ImageState, IImageEvent>, IProtocolMessage
{
    public static ImageState Empty(string imageId) => new(imageId, ImageStatus.None, ImageKind.Artwork, "", "", 0, false, default,
        ImmutableSortedDictionary<ImageStage, ImageStageRecord>.Empty, ImmutableSortedDictionary<ImageStage, ImageStageResult>.Empty, null);

    [System.Text.Json.Serialization.JsonIgnore] // derived from Status: not part of the stored shape
    public bool Exists => Status != ImageStatus.None;

    public Decision<IImageEvent> Handle(IImageCommand command, DateTimeOffset now) => command switch
    {
        GetImage when !Exists => NotFound(),
        GetImage => Decide.Reply<IImageEvent>(View()),
        SubmitImage c => Submit(c, now),
        _ when !Exists => NotFound(),
        RecordStageSucceeded c when Settled(c.Stage) => Decide.Reply<IImageEvent>(Recorded()),
        RecordStageSucceeded c => Decide.Persist(this, new ImageStageSucceeded(c.Stage, c.Attempt, c.Result, now), s => s.Recorded()),
        RecordStageFailed c when Settled(c.Stage) || c.Attempt <= Stages[c.Stage].Attempts && !c.Final => Decide.Reply<IImageEvent>(Recorded()),
        RecordStageFailed c when string.IsNullOrWhiteSpace(c.Reason) => Decide.Reject<IImageEvent>(Rejection.Invalid("a failed stage needs a reason")),
        RecordStageFailed c => Decide.Persist(this, new ImageStageAttemptFailed(c.Stage, c.Attempt, c.Reason, c.Final, now), s => s.Recorded()),
        _ => Decide.Reject<IImageEvent>(Rejection.Invalid($"unknown image command {command.GetType().Name}")),
    };

    private Decision<IImageEvent> Submit(SubmitImage c, DateTimeOffset now)
    {
        if (Exists)
            return c.Kind == Kind && c.OwnerId == OwnerId && c.SubjectId == SubjectId
                ? Decide.Reply<IImageEvent>(Recorded())
                : Decide.Reject<IImageEvent>(Rejection.Conflict($"image {ImageId} already exists"));
        if (string.IsNullOrWhiteSpace(c.OwnerId) || string.IsNullOrWhiteSpace(c.SubjectId))
            return Decide.Reject<IImageEvent>(Rejection.Invalid("an image needs an owner and a subject"));
        return Decide.Persist(this, new ImageSubmitted(c.ImageId, c.Kind, c.OwnerId, c.SubjectId, c.SourceBytes, c.BlurFaces, now, c.FrameAt), s => s.Recorded());
    }

    /// <summary>Nothing more will happen to this stage: it succeeded, was skipped or failed, or the whole image failed.</summary>
    private bool Settled(ImageStage stage) => Status != ImageStatus.Processing || Stages[stage].Status != StageStatus.Pending;

    public ImageState Apply(IImageEvent @event) => @event switch
    {
        ImageSubmitted e => this with
        {
            Status = ImageStatus.Processing, Kind = e.Kind, OwnerId = e.OwnerId, SubjectId = e.SubjectId, SourceBytes = e.SourceBytes,
            BlurFaces = e.BlurFaces, SubmittedAt = e.At, FrameAt = e.FrameAt,
            Stages = ImageStages.All.ToImmutableSortedDictionary(s => s,
                s => new ImageStageRecord(s == ImageStage.Blur && !e.BlurFaces ? StageStatus.Skipped : StageStatus.Pending, 0, null)),
        },
        ImageStageSucceeded e => Joined(this with
        {
            Stages = Stages.SetItem(e.Stage, new ImageStageRecord(StageStatus.Succeeded, Math.Max(e.Attempt, Stages[e.Stage].Attempts), null)),
            Results = Results.SetItem(e.Stage, e.Result),
        }),
        ImageStageAttemptFailed e => Joined(this with
        {
            Stages = Stages.SetItem(e.Stage, new ImageStageRecord(e.Final ? StageStatus.Failed : StageStatus.Pending,
                Math.Max(e.Attempt, Stages[e.Stage].Attempts), e.Reason)),
            Reason = e.Final ? $"{e.Stage.Name()} failed: {e.Reason}" : Reason,
        }),
        _ => this,
    };

    /// <summary>The join: complete once every stage is done; failed as soon as one stage has failed for good.</summary>
    private static ImageState Joined(ImageState s) =>
        s.Stages.Values.Any(r => r.Status == StageStatus.Failed) ? s with { Status = ImageStatus.Failed }
        : s.Stages.Values.All(r => r.Status is StageStatus.Succeeded or StageStatus.Skipped) ? s with { Status = ImageStatus.Complete }
        : s;

    /// <summary>Every pending stage whose prerequisite is done: what should be queued now (again, if it already is).</summary>
    public IReadOnlyList<ImageJob> ReadyJobs()
    {
        if (Status != ImageStatus.Processing) return [];
        return ImageStages.All
            .Where(stage => Stages[stage].Status == StageStatus.Pending
                            && (ImageStages.Prerequisite(stage) is not { } before || Stages[before].Status is StageStatus.Succeeded or StageStatus.Skipped))
            .Select(JobFor)
            .ToList();
    }

    private ImageJob JobFor(ImageStage stage) => stage switch
    {
        ImageStage.Decode => new ImageJob(ImageId, stage, ImageBlobKeys.Source(ImageId), []),
        ImageStage.Blur => new ImageJob(ImageId, stage, ImageBlobKeys.Normalised(ImageId), Faces()),
        ImageStage.Resize => new ImageJob(ImageId, stage,
            Stages[ImageStage.Blur].Status == StageStatus.Succeeded ? ImageBlobKeys.Blurred(ImageId) : ImageBlobKeys.Normalised(ImageId), []),
        _ => new ImageJob(ImageId, stage, ImageBlobKeys.Normalised(ImageId), []),
    };

    private IReadOnlyList<StoredFace> Faces() => Results.GetValueOrDefault(ImageStage.Detect)?.Faces ?? [];

    public ImageStageRecorded Recorded() => new(ImageId, ReadyJobs());

    /// <summary>The searchable tags: the kind, faces or none, brightness and contrast classes, text.</summary>
    public IReadOnlyList<string> Tags()
    {
        var tags = new List<string> { Kind.ToString().ToLowerInvariant() };
        if (Results.GetValueOrDefault(ImageStage.Detect)?.Faces is { } faces) tags.Add(faces.Count > 0 ? "faces" : "no-faces");
        if (Results.GetValueOrDefault(ImageStage.Tag)?.Tags is { } found)
        {
            tags.Add(found.Brightness);
            tags.Add(found.Contrast + "-contrast");
            if (found.MostlyText) tags.Add("text");
        }
        return tags;
    }

    public ImageView View()
    {
        var decoded = Results.GetValueOrDefault(ImageStage.Decode);
        return new ImageView(ImageId, Status, Kind, OwnerId, SubjectId, decoded?.Width, decoded?.Height, decoded?.Format,
            Stages.ToDictionary(p => p.Key.Name(), p => new ImageStageView(p.Value.Status, p.Value.Attempts, p.Value.Reason)),
            Tags(), Results.GetValueOrDefault(ImageStage.Tag)?.Tags, Results.GetValueOrDefault(ImageStage.Detect)?.Faces?.Count,
            Status == ImageStatus.Complete ? Results.GetValueOrDefault(ImageStage.Resize)?.Variants ?? [] : [],
            Reason, SubmittedAt, FrameAt?.TotalSeconds);
    }

    private static Decision<IImageEvent> NotFound() => Decide.Reject<IImageEvent>(Rejection.NotFound("no such image"));
}
