using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// What a title pipeline works with: the title entities' region, the transcode coordinator (its proxy), the blob
/// store, the settings, and <see cref="WorkRoot"/> — a folder every node shares, where chunks and encodes live while
/// a title is transcoded — and <see cref="LocalSteps"/>, the node's one limiter of heavy local steps; and where a
/// published title's sampled frames go (<see cref="Frames"/>: the image pipeline; null where it is not wired).
/// </summary>
public sealed record PipelineContext(
    IActorRef Titles,
    IActorRef Coordinator,
    IBlobStore Store,
    PipelineSettings Settings,
    string WorkRoot,
    FfmpegRunner Runner,
    LocalStepQueue LocalSteps,
    Images.TitleFrameImages? Frames = null)
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
}
