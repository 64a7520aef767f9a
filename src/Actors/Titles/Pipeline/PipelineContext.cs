using Akka.Actor;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// What a title pipeline works with: the title entities' region, the transcode coordinator (its proxy), the blob
/// store, the settings, and <see cref="WorkRoot"/> — a folder every node shares, where chunks and encodes live while
/// a title is transcoded.
/// </summary>
public sealed record PipelineContext(
    IActorRef Titles,
    IActorRef Coordinator,
    IBlobStore Store,
    PipelineSettings Settings,
    string WorkRoot,
    FfmpegRunner Runner)
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);
}
