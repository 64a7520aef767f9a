using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Api;

/// <summary>Asks an entity (through its shard region) and turns the answer into an HTTP result.</summary>
public static class EntityAsk
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The raw answer: the expected reply, or a <see cref="Rejection"/> (a timeout becomes Unavailable).</summary>
    public static async Task<EntityAnswer<TReply>> AskEntityAsync<TReply>(this IActorRef region, object command, CancellationToken ct)
        where TReply : class
    {
        try
        {
            // With tracing on, the entity's spans join this request's trace on whichever node it lives.
            var answer = await region.Ask<object>(TracedMessage.Wrap(command), DefaultTimeout, ct);
            return answer switch
            {
                TReply reply => new EntityAnswer<TReply>(reply, null),
                Rejection rejection => new EntityAnswer<TReply>(null, rejection),
                _ => new EntityAnswer<TReply>(null, new Rejection(RejectionKind.Internal, $"unexpected answer {answer.GetType().Name}")),
            };
        }
        catch (AskTimeoutException)
        {
            return new EntityAnswer<TReply>(null, new Rejection(RejectionKind.Unavailable, "the entity did not answer in time; it is safe to retry"));
        }
    }

    /// <summary>Asks and maps: the reply through <paramref name="ok"/>, a rejection to its ProblemDetails.</summary>
    public static async Task<IResult> AskAsync<TReply>(this IActorRef region, object command, CancellationToken ct, Func<TReply, IResult> ok)
        where TReply : class
    {
        var answer = await region.AskEntityAsync<TReply>(command, ct);
        return answer.Reply is { } reply ? ok(reply) : ApiProblems.From(answer.Rejection!);
    }
}

public sealed record EntityAnswer<TReply>(TReply? Reply, Rejection? Rejection) where TReply : class;
