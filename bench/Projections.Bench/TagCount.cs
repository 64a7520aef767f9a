using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MediaPlatform.Bench.Projections;

/// <summary>How many events of a tag the cluster's journal holds (its tag table), read straight from the database.</summary>
public sealed class TagCount(string? sqliteFile, string? postgres)
{
    public async Task<long> ReadAsync(string tag)
    {
        await using DbConnection connection = postgres is not null
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sqliteFile, DefaultTimeout = 30 }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tags WHERE tag = @tag";
        var parameter = command.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("tag", tag);
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
