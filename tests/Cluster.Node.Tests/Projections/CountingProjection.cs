using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Tests.Projections;

/// <summary>
/// A projection for the mechanism's specs: one row per event applied (event text and journal ordering), and a
/// failure it can be told to raise AFTER writing an event's row, i.e. between apply and commit.
/// </summary>
public sealed class CountingProjection(string tag, Func<string, int, bool> failAfterWriting) : IProjection
{
    private int _failures;

    public string Name => $"counting-{tag}";

    public string Tag => tag;

    public int Failures => Volatile.Read(ref _failures);

    public Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("CREATE TABLE IF NOT EXISTS counted_events (projection TEXT NOT NULL, event TEXT NOT NULL, ordering BIGINT NOT NULL)",
            cancellationToken);

    public async Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var text = (string)envelope.Event;
        await session.ExecuteAsync("INSERT INTO counted_events (projection, event, ordering) VALUES (@p, @e, @o)", cancellationToken,
            ("p", Name), ("e", text), ("o", ((Sequence)envelope.Offset).Value));
        if (failAfterWriting(text, Failures))
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException($"injected failure after writing {text}");
        }
    }

    public Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("DELETE FROM counted_events WHERE projection = @p", cancellationToken, ("p", Name));

    public async Task<List<(string Event, long Ordering)>> RowsAsync(ReadModelDatabase database)
    {
        await using var session = await database.OpenAsync();
        return await session.QueryAsync("SELECT event, ordering FROM counted_events WHERE projection = @p ORDER BY ordering",
            r => (r.GetString(0), Convert.ToInt64(r.GetValue(1))), CancellationToken.None, ("p", Name));
    }

    public async Task<long> StoredOffsetAsync(ReadModelDatabase database)
    {
        await using var session = await database.OpenAsync();
        return await ProjectionOffsets.ReadAsync(session, Name, CancellationToken.None);
    }
}
