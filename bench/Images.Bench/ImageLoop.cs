using System.Diagnostics;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;

namespace MediaPlatform.Bench.Images;

/// <summary>
/// The anchor: the same stage code (<see cref="ImageStageRunner"/>, same blob store kind, same settings) called in a
/// plain loop on one thread — decode, detect, tag, blur, resize per image — with no queues, actors or journal.
/// </summary>
public static class ImageLoop
{
    /// <summary>Time spent in each stage over every loop run (where the loop's time goes).</summary>
    public static readonly Dictionary<ImageStage, TimeSpan> StageTime = new();

    public static async Task<TimeSpan> RunAsync(IReadOnlyList<byte[]> uploads, ImageSettings settings, string blobDirectory)
    {
        var store = new DirectoryBlobStore(blobDirectory);
        using var runner = new ImageStageRunner(store, settings);
        var watch = Stopwatch.StartNew();
        foreach (var upload in uploads)
        {
            var imageId = "img-" + Guid.NewGuid().ToString("N");
            using (var source = new MemoryStream(upload)) await store.WriteAsync(ImageBlobKeys.Source(imageId), source);
            var state = ImageState.Empty(imageId);
            state = Apply(state, state.Handle(new SubmitImage(imageId, ImageKind.Artwork, "bench", "bench", upload.Length, BlurFaces: true), DateTimeOffset.UtcNow));
            while (state.ReadyJobs() is { Count: > 0 } jobs)
                foreach (var job in jobs)
                {
                    var started = Stopwatch.GetTimestamp();
                    var run = await runner.RunAsync(job, CancellationToken.None);
                    StageTime[job.Stage] = StageTime.GetValueOrDefault(job.Stage) + Stopwatch.GetElapsedTime(started);
                    var result = run is ImageStageRun.Succeeded ok ? ok.Result : throw new InvalidOperationException($"{job.Stage} refused");
                    state = Apply(state, state.Handle(new RecordStageSucceeded(imageId, job.Stage, 1, result), DateTimeOffset.UtcNow));
                }
            if (state.Status != ImageStatus.Complete) throw new InvalidOperationException($"{imageId} ended {state.Status}");
        }
        return watch.Elapsed;
    }

    private static ImageState Apply(ImageState state, MediaPlatform.Actors.Entities.Decision<IImageEvent> decision) =>
        ((MediaPlatform.Actors.Entities.Decision<IImageEvent>.Accepted)decision).Events.Aggregate(state, (s, e) => s.Apply(e));
}
