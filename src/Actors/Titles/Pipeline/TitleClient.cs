using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>The pipeline's side of the title entity: every answer turned into a view, nothing, a retry or a failure.</summary>
internal sealed class TitleClient(string titleId, IActorRef titles, ILoggingAdapter log)
{
    /// <summary>The title's view; null when it does not exist. A refusal (a stale step) is logged and the title re-read next.</summary>
    public async Task<TitleView?> AskAsync(ITitleCommand command, CancellationToken ct)
    {
        switch (await titles.Ask<object>(Observability.TracedMessage.Wrap(command), PipelineContext.AskTimeout, ct))
        {
            case TitleView view:
                return view;
            case Rejection { Kind: RejectionKind.NotFound }:
                return null;
            case Rejection { Kind: RejectionKind.Conflict } conflict:
                log.Info("title {0}: {1} refused ({2}); reading the title again", titleId, command.GetType().Name, conflict.Message);
                return null;
            case Rejection { Kind: RejectionKind.Unavailable } unavailable:
                throw new TimeoutException(unavailable.Message); // retried
            case Rejection other:
                throw new PipelineFailure($"{command.GetType().Name} was refused: {other.Message}");
            case var unexpected:
                throw new InvalidOperationException($"unexpected answer {unexpected.GetType().Name} to {command.GetType().Name}");
        }
    }

}
