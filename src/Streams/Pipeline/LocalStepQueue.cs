using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// The heavy local steps of every title a node drives — prepare (split, audio), quality control, packaging — go
/// through this one stream with bounded parallelism, so several titles at once never run more of them than
/// <see cref="Limit"/> and the encodes keep their cores. A step waits in the stream's bounded queue (beyond
/// <c>maxWaiting</c> it is refused at once, and its caller retries later) and runs when a place is free, off the
/// stream's thread; a caller whose token is cancelled while it waits leaves the queue, and its step never starts.
/// Every step's wait and run are kept (the last <see cref="RecentKept"/>) for the node's <c>/cluster/local-steps</c>.
/// One per actor system (an extension); a kill switch stops the stream when the system terminates.
/// </summary>
public sealed class LocalStepQueue : IExtension
{
    public const int RecentKept = 512;
    private readonly ISourceQueueWithComplete<QueuedStep> _queue;
    private readonly UniqueKillSwitch _killSwitch;
    private readonly ConcurrentQueue<LocalStepSpan> _recent = new();
    private int _running;
    private int _waiting;

    public LocalStepQueue(IMaterializer materializer, int limit, int maxWaiting = 1024)
    {
        if (limit < 1) throw new ArgumentOutOfRangeException(nameof(limit), "at least one local step at a time");
        Limit = limit;
        (_queue, _killSwitch) = Source.Queue<QueuedStep>(maxWaiting, OverflowStrategy.DropNew)
            .ViaMaterialized(KillSwitches.Single<QueuedStep>(), Keep.Both)
            .SelectAsyncUnordered(limit, step => step.RunAsync(this))
            .To(Sink.Ignore<bool>())
            .Named("local-steps")
            .Run(materializer);
    }

    public int Limit { get; }

    public int Running => Volatile.Read(ref _running);

    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Whether a step queued now would wait for a place.</summary>
    public bool Full => Running + Waiting >= Limit;

    public LocalStepsView View() => new(Limit, Running, Waiting, _recent.ToArray());

    public async Task RunAsync(string kind, string owner, Func<CancellationToken, Task> step, CancellationToken ct = default) =>
        await RunAsync(kind, owner, async token =>
        {
            await step(token);
            return true;
        }, ct);

    /// <summary>Runs <paramref name="step"/> once a place is free; its result, or its exception.</summary>
    public async Task<T> RunAsync<T>(string kind, string owner, Func<CancellationToken, Task<T>> step, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var queued = new QueuedStep<T>(kind, owner, step, ct);
        Interlocked.Increment(ref _waiting);
        IQueueOfferResult offered;
        try { offered = await _queue.OfferAsync(queued); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Decrement(ref _waiting);
            throw new InvalidOperationException($"the node's local steps are stopping; {kind} of {owner} was not run", e);
        }
        if (offered is not QueueOfferResult.Enqueued)
        {
            Interlocked.Decrement(ref _waiting);
            throw new InvalidOperationException($"the node's local-step queue did not take {kind} of {owner} ({offered.GetType().Name}); it is tried again later");
        }
        return await queued.Result.WaitAsync(ct);
    }

    public void Shutdown() => _killSwitch.Shutdown();

    private void Record(LocalStepSpan span)
    {
        _recent.Enqueue(span);
        while (_recent.Count > RecentKept) _recent.TryDequeue(out _);
    }

    private abstract class QueuedStep
    {
        public abstract Task<bool> RunAsync(LocalStepQueue queue);
    }

    private sealed class QueuedStep<T>(string kind, string owner, Func<CancellationToken, Task<T>> step, CancellationToken ct) : QueuedStep
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly DateTimeOffset _queuedAt = DateTimeOffset.UtcNow;
        // The caller's span: the step runs on the stream's side, where it would otherwise start traces of its own.
        private readonly System.Diagnostics.Activity? _callerSpan = System.Diagnostics.Activity.Current;

        public Task<T> Result => _result.Task;

        /// <summary>Never faults (a faulted task would fail the stream): the outcome goes to the caller.</summary>
        public override async Task<bool> RunAsync(LocalStepQueue queue)
        {
            Interlocked.Decrement(ref queue._waiting);
            if (ct.IsCancellationRequested)
            {
                _result.TrySetCanceled(ct);
                return false;
            }
            Interlocked.Increment(ref queue._running);
            var started = DateTimeOffset.UtcNow;
            var succeeded = false;
            try
            {
                // Off the stream's thread: a step's synchronous start (file reads) must not hold the stage.
                _result.TrySetResult(await Task.Run(() =>
                {
                    System.Diagnostics.Activity.Current = _callerSpan;
                    return step(ct);
                }, ct));
                succeeded = true;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                _result.TrySetCanceled(ct);
            }
            catch (Exception e)
            {
                _result.TrySetException(e);
            }
            finally
            {
                Interlocked.Decrement(ref queue._running);
                queue.Record(new LocalStepSpan(kind, owner, _queuedAt, started, DateTimeOffset.UtcNow, succeeded));
            }
            return succeeded;
        }
    }
}
