using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Images;

namespace MediaPlatform.Actors.Tests.Images;

/// <summary>The join, as pure functions: stages become ready in order, results are recorded once, the image settles once.</summary>
public sealed class ImageStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ImageStageResult Decoded = new(Width: 512, Height: 512, Format: "jpeg");
    private static readonly ImageStageResult OneFace = new(Faces: [new StoredFace(10, 10, 50, 50)]);
    private static readonly ImageStageResult Tagged = new(Tags: new StoredImageTags(["#000000"], "dark", "low", 0.01, false, "00000000000000ff"));

    [Fact]
    public void Decode_comes_first_then_detect_and_tag_together_then_blur_then_resize()
    {
        var (s, jobs) = Submit(blur: true);
        Assert.Equal([ImageStage.Decode], jobs.Select(j => j.Stage));

        (s, jobs) = Succeed(s, ImageStage.Decode, Decoded);
        Assert.Equal([ImageStage.Detect, ImageStage.Tag], jobs.Select(j => j.Stage));

        (s, jobs) = Succeed(s, ImageStage.Detect, OneFace);
        var blur = Assert.Single(jobs, j => j.Stage == ImageStage.Blur);
        Assert.Equal(OneFace.Faces, blur.Faces);

        (s, jobs) = Succeed(s, ImageStage.Blur, new ImageStageResult(BlurredFaces: 1));
        Assert.Equal(ImageBlobKeys.Blurred("img-1"), Assert.Single(jobs, j => j.Stage == ImageStage.Resize).InputKey);
        (s, _) = Succeed(s, ImageStage.Tag, Tagged);
        Assert.Equal(ImageStatus.Processing, s.Status);

        (s, jobs) = Succeed(s, ImageStage.Resize, new ImageStageResult(Variants: [new StoredImageVariant("w160.jpg", 160, 160, "image/jpeg", 100)]));
        Assert.Equal(ImageStatus.Complete, s.Status);
        Assert.Empty(jobs);
        Assert.Equal(["artwork", "faces", "dark", "low-contrast"], s.Tags());
        Assert.Single(s.View().Variants);
    }

    [Fact]
    public void Without_blurring_resize_follows_detect_and_reads_the_normalised_image()
    {
        var (s, _) = Submit(blur: false);
        Assert.Equal(StageStatus.Skipped, s.Stages[ImageStage.Blur].Status);
        (s, _) = Succeed(s, ImageStage.Decode, Decoded);

        var (_, jobs) = Succeed(s, ImageStage.Detect, OneFace);

        Assert.Equal(ImageBlobKeys.Normalised("img-1"), Assert.Single(jobs, j => j.Stage == ImageStage.Resize).InputKey);
    }

    [Fact]
    public void A_duplicate_or_late_result_stores_nothing_and_answers_the_ready_stages_again()
    {
        var (s, _) = Submit(blur: true);
        (s, _) = Succeed(s, ImageStage.Decode, Decoded);

        var repeat = s.Handle(new RecordStageSucceeded("img-1", ImageStage.Decode, 2, new ImageStageResult(Width: 1, Height: 1, Format: "png")), Now);

        var accepted = Assert.IsType<Decision<IImageEvent>.Accepted>(repeat);
        Assert.Empty(accepted.Events);
        Assert.Equal([ImageStage.Detect, ImageStage.Tag], ((ImageStageRecorded)accepted.Reply).NextJobs.Select(j => j.Stage));
        Assert.Equal(512, s.View().Width);
    }

    [Fact]
    public void A_failed_attempt_keeps_the_stage_pending_and_the_final_one_fails_the_image_once()
    {
        var (s, _) = Submit(blur: true);
        s = Apply(s, s.Handle(new RecordStageFailed("img-1", ImageStage.Decode, 1, "disk full", Final: false), Now));
        Assert.Equal((StageStatus.Pending, 1, ImageStatus.Processing), (s.Stages[ImageStage.Decode].Status, s.Stages[ImageStage.Decode].Attempts, s.Status));

        s = Apply(s, s.Handle(new RecordStageFailed("img-1", ImageStage.Decode, 2, "the image data is truncated", Final: true), Now));

        Assert.Equal(ImageStatus.Failed, s.Status);
        Assert.Equal("decode failed: the image data is truncated", s.Reason);
        Assert.Empty(s.ReadyJobs());
        // Anything after the image failed is answered and stored nowhere.
        var late = Assert.IsType<Decision<IImageEvent>.Accepted>(s.Handle(new RecordStageSucceeded("img-1", ImageStage.Decode, 3, Decoded), Now));
        Assert.Empty(late.Events);
    }

    [Fact]
    public void Results_for_an_image_never_submitted_are_refused_as_not_found()
    {
        var refused = ImageState.Empty("img-x").Handle(new RecordStageSucceeded("img-x", ImageStage.Decode, 1, Decoded), Now);

        Assert.Equal(RejectionKind.NotFound, Assert.IsType<Decision<IImageEvent>.Rejected>(refused).Rejection.Kind);
    }

    private static (ImageState, IReadOnlyList<ImageJob>) Submit(bool blur)
    {
        var s = ImageState.Empty("img-1");
        var decision = s.Handle(new SubmitImage("img-1", ImageKind.Artwork, "u-1", "t-1", 1000, blur), Now);
        return (Apply(s, decision), Jobs(decision));
    }

    private static (ImageState, IReadOnlyList<ImageJob>) Succeed(ImageState s, ImageStage stage, ImageStageResult result)
    {
        var decision = s.Handle(new RecordStageSucceeded(s.ImageId, stage, 1, result), Now);
        Assert.Single(Assert.IsType<Decision<IImageEvent>.Accepted>(decision).Events);
        return (Apply(s, decision), Jobs(decision));
    }

    private static ImageState Apply(ImageState s, Decision<IImageEvent> decision) =>
        Assert.IsType<Decision<IImageEvent>.Accepted>(decision).Events.Aggregate(s, (state, e) => state.Apply(e));

    private static IReadOnlyList<ImageJob> Jobs(Decision<IImageEvent> decision) =>
        ((ImageStageRecorded)((Decision<IImageEvent>.Accepted)decision).Reply).NextJobs;
}
