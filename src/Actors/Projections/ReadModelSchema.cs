namespace MediaPlatform.Actors.Projections;

/// <summary>
/// Creates projection_offsets and every projection's tables once per process (idempotent DDL), before a projection
/// runs or a search reads. On PostgreSQL under a transaction-scoped advisory lock, so nodes starting together do not
/// race on CREATE TABLE (which can fail one of them with 23505); on SQLite one IMMEDIATE transaction does the same.
/// Projections create (and upgrade) their tables in <see cref="IProjection.SchemaOrder"/>. A failure is not cached: the
/// next caller tries again.
/// </summary>
public sealed class ReadModelSchema(ReadModelDatabase database, IReadOnlyList<IProjection> projections)
{
    /// <summary>The advisory lock key ("media-platform read" in ASCII, truncated); differs from the journal's schema lock.</summary>
    public const long LockKey = 0x6D65_6469_6172_6561;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public ReadModelDatabase Database => database;

    public IReadOnlyList<IProjection> Projections => projections;

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_ready) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready) return;
            await using var session = await database.BeginAsync(cancellationToken);
            if (!session.IsSqlite)
                await session.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", LockKey));
            await session.ExecuteAsync(ProjectionOffsets.Ddl(database.Dialect), cancellationToken);
            foreach (var projection in projections.OrderBy(p => p.SchemaOrder)) await projection.CreateTablesAsync(session, cancellationToken);
            await session.CommitAsync(cancellationToken);
            _ready = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
