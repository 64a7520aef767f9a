using System.Data.Common;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// The database the journal lives in, where read models are written too, so a projection's rows and its offset commit
/// in one transaction. The node supplies the driver (<paramref name="CreateConnection"/> returns an unopened
/// connection); Actors only speaks ADO.NET.
/// </summary>
public sealed record ReadModelDatabase(ReadModelDialect Dialect, Func<DbConnection> CreateConnection, TimeSpan SqliteBusyTimeout)
{
    public async Task<ReadModelSession> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            var session = new ReadModelSession(connection, null, Dialect);
            // Several nodes (and the journal's own writer) share one SQLite file: wait for the write lock, do not fail.
            if (Dialect == ReadModelDialect.Sqlite)
                await session.ExecuteAsync($"PRAGMA busy_timeout={(int)SqliteBusyTimeout.TotalMilliseconds}", cancellationToken);
            return session;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A session inside a transaction (IMMEDIATE on SQLite: the write lock is taken up front, so it cannot fail half-way on a lock upgrade).</summary>
    public async Task<ReadModelSession> BeginAsync(CancellationToken cancellationToken = default)
    {
        var session = await OpenAsync(cancellationToken);
        try
        {
            return session.WithTransaction(await session.Connection.BeginTransactionAsync(cancellationToken));
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
