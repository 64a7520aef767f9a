using System.Data.Common;

namespace MediaPlatform.Actors.Projections;

/// <summary>An open connection (and, for a projection's batch, its transaction) with small helpers for parameterised SQL.</summary>
public sealed class ReadModelSession(DbConnection connection, DbTransaction? transaction, ReadModelDialect dialect) : IAsyncDisposable
{
    public DbConnection Connection => connection;
    public DbTransaction? Transaction => transaction;
    public ReadModelDialect Dialect => dialect;
    public bool IsSqlite => dialect == ReadModelDialect.Sqlite;

    internal ReadModelSession WithTransaction(DbTransaction tx) => new(connection, tx, dialect);

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) => ExecuteAsync(sql, CancellationToken.None, parameters);

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        transaction?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // A transaction not committed by now rolls back here: nothing a failed batch wrote survives.
        if (transaction is not null) await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
