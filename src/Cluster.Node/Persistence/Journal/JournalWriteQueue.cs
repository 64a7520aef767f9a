using System.Threading.Channels;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// The journal's single writer: a loop that takes whatever atomic writes are waiting (up to
/// <see cref="BatchedJournalSettings.MaxRowsPerTransaction"/> rows), inserts them in one transaction and then completes
/// them. Writes that arrive while a transaction runs form the next batch, so batches grow with the load and one
/// commit (one fsync) serves many events. The queue holds at most <see cref="BatchedJournalSettings.MaxQueuedRows"/>
/// rows: beyond that a write fails at once instead of memory growing without bound.
/// </summary>
public sealed class JournalWriteQueue : IAsyncDisposable
{
    private readonly IJournalDatabase _database;
    private readonly BatchedJournalSettings _settings;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private long _queuedRows;

    /// <summary>One AtomicWrite: its rows are stored together or not at all.</summary>
    private sealed record PendingWrite(IReadOnlyList<JournalRow> Rows)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly Func<Task> _schemaReady;

    /// <param name="schemaReady">Asked before every batch: writing starts when it completes; while it fails, each batch fails with its error.</param>
    public JournalWriteQueue(IJournalDatabase database, BatchedJournalSettings settings, Func<Task> schemaReady)
    {
        _database = database;
        _settings = settings;
        _schemaReady = schemaReady;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the rows are committed; fails with the database's error or at once when the queue is full.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRow> rows)
    {
        if (Interlocked.Add(ref _queuedRows, rows.Count) > _settings.MaxQueuedRows && rows.Count > 0)
        {
            Interlocked.Add(ref _queuedRows, -rows.Count);
            return Task.FromException(new JournalQueueFullException(
                $"the journal's write queue is full ({_settings.MaxQueuedRows} events waiting for the database; " +
                $"{BatchedJournalSettings.MaxQueuedRowsKey} bounds it): the database is not keeping up"));
        }
        var pending = new PendingWrite(rows);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Add(ref _queuedRows, -rows.Count);
            return Task.FromException(new InvalidOperationException("the journal is stopping and takes no more writes"));
        }
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>();
        var rows = new List<JournalRow>();
        // Writes queue up until the tables exist; if they cannot be created, StoreAsync fails each batch with why.
        try { await _schemaReady(); }
        catch (Exception) { }
        while (await _queue.Reader.WaitToReadAsync())
        {
            // The first write always goes in, even one larger than the limit; then more while they fit.
            while (_queue.Reader.TryPeek(out var next) && (batch.Count == 0 || rows.Count + next.Rows.Count <= _settings.MaxRowsPerTransaction))
            {
                _queue.Reader.TryRead(out _);
                batch.Add(next);
                rows.AddRange(next.Rows);
            }
            await StoreAsync(batch, rows);
            batch.Clear();
            rows.Clear();
        }
    }

    private async Task StoreAsync(List<PendingWrite> batch, List<JournalRow> rows)
    {
        try
        {
            await _schemaReady();
            await _database.InsertAsync(rows, _stopping.Token);
            foreach (var pending in batch)
                Complete(pending, null);
        }
        catch (Exception e) when (batch.Count > 1 && _database.IsDuplicateKey(e))
        {
            // One write of the batch is at fault (a (persistence id, sequence number) another incarnation already
            // wrote): store each write on its own, so only the offending one fails. Akka.Persistence.Sql fails every
            // write of the batch instead, taking down unrelated entities with it. Any other error (database down,
            // locked) fails the batch at once: retrying a thousand writes one by one would only stall the writer.
            foreach (var pending in batch)
                await StoreAloneAsync(pending);
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
                Complete(pending, e);
        }
    }

    private async Task StoreAloneAsync(PendingWrite pending)
    {
        try
        {
            await _database.InsertAsync(pending.Rows, _stopping.Token);
            Complete(pending, null);
        }
        catch (Exception e)
        {
            Complete(pending, e);
        }
    }

    /// <summary>Frees the write's room in the queue before its writer hears back, so a writer that retries finds it.</summary>
    private void Complete(PendingWrite pending, Exception? failure)
    {
        Interlocked.Add(ref _queuedRows, -pending.Rows.Count);
        if (failure is null) pending.Done.TrySetResult();
        else pending.Done.TrySetException(failure);
    }

    /// <summary>
    /// Stops taking writes and lets the queued ones finish; after stop-timeout the writer is cancelled, so the batch in
    /// progress rolls back and every write still queued fails at once. Returns when the writer loop has ended.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_writer, Task.Delay(_settings.StopTimeout)) != _writer)
            await _stopping.CancelAsync();
        try { await _writer; }
        catch (Exception) { }
        // The loop drained the completed channel; nothing is left but in case it died on an unexpected error.
        while (_queue.Reader.TryRead(out var left))
            Complete(left, new InvalidOperationException("the journal stopped before this write was stored"));
        _stopping.Dispose();
    }
}

/// <summary>More events wait for the database than the journal holds; the write was not stored.</summary>
public sealed class JournalQueueFullException(string message) : Exception(message);
