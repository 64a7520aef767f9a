using Akka;
using Akka.Streams.Dsl;

namespace MediaPlatform.Streams.Quality;

/// <summary>
/// Quality control as a stream stage. Results keep the order of requests. A failing request (ffmpeg error, missing
/// file) fails the stage like any SelectAsync; add a supervision strategy to resume past it. The token stops the
/// ffmpeg runs in flight when the owner goes away (SelectAsync itself never cancels a running task).
/// </summary>
public static class QualityControlFlow
{
    public static Flow<QcRequest, QcResult, NotUsed> Create(int parallelism = 1, CancellationToken cancellationToken = default) =>
        Flow.Create<QcRequest>().SelectAsync(parallelism, async request =>
            new QcResult(request, await QualityControl.RunAsync(request, cancellationToken).ConfigureAwait(false)));
}
