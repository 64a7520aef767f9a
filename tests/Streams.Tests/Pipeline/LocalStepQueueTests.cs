using Akka.Streams;
using Akka.TestKit.Xunit2;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Streams.Tests.Pipeline;

public class LocalStepQueueTests : TestKit
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Steps_from_many_callers_never_run_more_than_the_limit_at_once_and_each_span_is_kept(int limit)
    {
        var queue = new LocalStepQueue(Sys.Materializer(), limit);
        var running = 0;
        var most = 0;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => queue.RunAsync("package", $"title-{i}", async _ =>
        {
            var now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref most)) < now && Interlocked.CompareExchange(ref most, now, seen) != seen) { }
            await Task.Delay(20);
            Interlocked.Decrement(ref running);
            return i;
        })));

        Assert.Equal(Enumerable.Range(0, 8), results);
        Assert.Equal(limit, most);
        var view = queue.View();
        Assert.Equal((limit, 0, 0, 8), (view.Limit, view.Running, view.Waiting, view.Recent.Count));
        Assert.All(view.Recent, s => Assert.True(s.Succeeded && s.QueuedAt <= s.StartedAt && s.StartedAt <= s.EndedAt));
        if (limit == 1)
        {
            var spans = view.Recent.OrderBy(s => s.StartedAt).ToList();
            Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(p.First.EndedAt <= p.Second.StartedAt, "two steps overlapped"));
        }
    }

    [Fact]
    public async Task A_step_whose_caller_gave_up_while_it_waited_never_runs_and_a_failing_step_fails_only_its_caller()
    {
        var queue = new LocalStepQueue(Sys.Materializer(), 1);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = false;
        using var giveUp = new CancellationTokenSource();

        var first = queue.RunAsync("split", "a", _ => release.Task);
        await AwaitAssertAsync(() => Assert.Equal(1, queue.Running));
        var waiting = queue.RunAsync("audio", "b", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, giveUp.Token);
        var failing = queue.RunAsync<int>("qc", "c", _ => throw new InvalidDataException("unreadable"));
        Assert.True(queue.Full);
        giveUp.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await first;

        Assert.Equal("unreadable", (await Assert.ThrowsAsync<InvalidDataException>(() => failing)).Message);
        Assert.Equal(42, await queue.RunAsync("package", "d", _ => Task.FromResult(42)));
        Assert.False(ran);
        Assert.Equal(["split", "qc", "package"], queue.View().Recent.Select(s => s.Kind));
    }
}
