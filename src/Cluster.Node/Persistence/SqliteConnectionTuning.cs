using System.Data.Common;
using LinqToDB.Interceptors;

namespace MediaPlatform.Node.Persistence;

/// <summary>
/// Runs on every SQLite connection the journal opens.
/// <list type="bullet">
/// <item>WAL + synchronous FULL: readers do not block the writer, and an acknowledged event survives power loss.</item>
/// <item>busy_timeout: several local nodes may share one file; without it a concurrent writer fails at once with
/// "database is locked" instead of waiting its turn.</item>
/// <item>Task.Yield: Microsoft.Data.Sqlite completes its async calls synchronously, so the journal's write stage is
/// never seen busy and every event becomes its own transaction (~2k events/s). Yielding once per connection lets
/// writes queue up and be batched (~40 events per transaction, ~15k events/s).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionTuning(TimeSpan busyTimeout) : ConnectionInterceptor
{
    private string Pragmas => PragmasFor(busyTimeout);

    /// <summary>The statements every journal connection runs first (the batched journal's connections too).</summary>
    public static string PragmasFor(TimeSpan busyTimeout) =>
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={(int)busyTimeout.TotalMilliseconds};";

    public override void ConnectionOpened(ConnectionEventData eventData, DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(ConnectionEventData eventData, DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await Task.Yield();
    }
}
