using Npgsql;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// The PostgreSQL server the test command started (scripts/test.sh exports TEST_POSTGRES). Missing is a failure,
/// not a skip: a green run must have exercised PostgreSQL.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TEST_POSTGRES";

    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests through scripts/test.sh, which starts a throwaway PostgreSQL server");

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
