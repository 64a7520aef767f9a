using Akka.Actor;
using Akka.Streams;
using MediaPlatform.Streams.Pipeline;
using MediaPlatform.Testing.Media;

namespace MediaPlatform.Streams.Tests.Pipeline;

/// <summary>
/// Transcodes one 10 s 640x360 clip with audio once (4 s chunks: 3 chunks × 2 rungs) for every end-to-end assertion
/// to look at. Work files are kept so the assembled rungs can be inspected too.
/// </summary>
public sealed class TranscodeFixture : IAsyncLifetime
{
    public ActorSystem System { get; } = ActorSystem.Create("transcode-e2e");
    public GeneratedClip Clip { get; private set; } = null!;
    public TranscodeRequest Request { get; private set; } = null!;
    public TranscodeSummary Summary { get; private set; } = null!;
    public List<TranscodeProgress> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        Clip = await GeneratedClip.VideoAsync(seconds: 10, width: 640, height: 360);
        Request = new TranscodeRequest(Clip.Path, Path.Combine(Clip.Folder, "out"), ChunkSeconds: 4, SegmentSeconds: 4,
            MaxConcurrentEncodes: 2, Preset: "superfast", ThreadsPerEncode: 1, KeepWorkFiles: true);
        var pipeline = new TranscodePipeline(System.Materializer());
        var outcome = await pipeline.RunAsync(Request, p => { lock (Progress) Progress.Add(p); });
        Summary = Assert.IsType<TranscodeOutcome.Completed>(outcome).Summary;
    }

    public async Task DisposeAsync()
    {
        Clip?.Dispose();
        await System.Terminate();
    }
}
