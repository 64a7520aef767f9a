using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Tests.Api.Auth;

/// <summary>
/// The shared replica read behind every token check: requests share reads, but never one that started before they
/// arrived — a revocation written just before a request must be seen by it.
/// </summary>
public sealed class SharedReplicaReadSpecs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads that complete when the spec says, numbered in the order they started.</summary>
    private sealed class Reads
    {
        private readonly List<TaskCompletionSource<int>> _started = [];

        public int Started { get { lock (_started) return _started.Count; } }

        public Task<int> StartAsync()
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started) _started.Add(read);
            return read.Task;
        }

        public void Complete(int index, int value) { lock (_started) _started[index].SetResult(value); }
        public void Fail(int index) { lock (_started) _started[index].SetException(new InvalidOperationException("replica read failed")); }
    }

    [Fact]
    public async Task A_request_arriving_while_a_read_is_under_way_must_get_the_next_read_shared_with_the_others_that_came_meanwhile()
    {
        var reads = new Reads();
        var shared = new SharedReplicaRead<int>(reads.StartAsync);
        var first = shared.ReadAsync(CancellationToken.None);
        var second = shared.ReadAsync(CancellationToken.None);
        var third = shared.ReadAsync(CancellationToken.None);
        Assert.Equal(1, reads.Started); // at most one read in flight

        reads.Complete(0, 1);
        Assert.Equal(1, await first);
        await Eventually.AwaitAsync(() => reads.Started == 2, Timeout, "the second read to start");
        Assert.False(second.IsCompleted); // not answered from the read that began before it arrived

        reads.Complete(1, 2);
        Assert.Equal(2, await second.WaitAsync(Timeout));
        Assert.Equal(2, await third.WaitAsync(Timeout));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task A_failed_read_must_fail_its_requests_and_not_stop_later_ones()
    {
        var reads = new Reads();
        var shared = new SharedReplicaRead<int>(reads.StartAsync);
        var failing = shared.ReadAsync(CancellationToken.None);
        reads.Fail(0);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(Timeout));

        var later = shared.ReadAsync(CancellationToken.None);
        await Eventually.AwaitAsync(() => reads.Started == 2, Timeout, "a new read to start");
        reads.Complete(1, 7);
        Assert.Equal(7, await later.WaitAsync(Timeout));
    }
}
