using Akka.Event;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// A title's heavy local step (split, audio, qc, package) run through the node's limiter
/// (<see cref="PipelineContext.LocalSteps"/>); a step that has to wait for another title's says so in the log.
/// </summary>
internal static class LocalStep
{
    public static async Task<T> RunAsync<T>(PipelineContext context, string titleId, ILoggingAdapter log, string kind,
        Func<CancellationToken, Task<T>> step, CancellationToken ct)
    {
        var steps = context.LocalSteps;
        if (steps.Full)
            log.Info("title {0}: {1} waits for the node's local steps ({2} running, {3} waiting, at most {4} at once)", titleId, kind,
                steps.Running, steps.Waiting, steps.Limit);
        return await steps.RunAsync(kind, titleId, step, ct);
    }

    public static Task RunAsync(PipelineContext context, string titleId, ILoggingAdapter log, string kind,
        Func<CancellationToken, Task> step, CancellationToken ct) =>
        RunAsync(context, titleId, log, kind, async token =>
        {
            await step(token);
            return true;
        }, ct);
}
