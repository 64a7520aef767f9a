using System.Diagnostics.Metrics;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Api;

/// <summary>Asks an entity (through its shard region) and turns the answer into an HTTP result.</summary>
public static class EntityAsk
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often an <see cref="IResendSafe"/> command is sent in all before its ask answers Unavailable.</summary>
    public const int ResendSafeAttempts = 2;

    private static readonly Meter Meter = new(MeterNames.Cluster);

    private static readonly Counter<long> Resent = Meter.CreateCounter<long>(
        "media_platform.api.entity_asks_resent", "{ask}", "Resend-safe commands sent again because their entity ask timed out (e.g. lost in a shard hand-over).");

    /// <summary>
    /// The raw answer: the expected reply, or a <see cref="Rejection"/> (a timeout becomes Unavailable). An
    /// <see cref="IResendSafe"/> command whose ask timed out is sent once more before that: sharding delivers at most
    /// once, and a message that reached a shard region while the shard was being handed over to another node (a node
    /// draining, the coordinator moving) can be dropped there, so its ask would only ever time out.
    /// </summary>
    public static async Task<EntityAnswer<TReply>> AskEntityAsync<TReply>(this IActorRef region, object command, CancellationToken ct,
        TimeSpan? timeout = null)
        where TReply : class
    {
        var attempts = command is IResendSafe ? ResendSafeAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // With tracing on, the entity's spans join this request's trace on whichever node it lives.
                var answer = await region.Ask<object>(TracedMessage.Wrap(command), timeout ?? DefaultTimeout, ct);
                return answer switch
                {
                    TReply reply => new EntityAnswer<TReply>(reply, null),
                    Rejection rejection => new EntityAnswer<TReply>(null, rejection),
                    _ => new EntityAnswer<TReply>(null, new Rejection(RejectionKind.Internal, $"unexpected answer {answer.GetType().Name}")),
                };
            }
            catch (AskTimeoutException) when (attempt < attempts && !ct.IsCancellationRequested)
            {
                Resent.Add(1, new KeyValuePair<string, object?>("command", command.GetType().Name));
            }
            catch (AskTimeoutException)
            {
                return new EntityAnswer<TReply>(null, new Rejection(RejectionKind.Unavailable, "the entity did not answer in time; it is safe to retry"));
            }
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
