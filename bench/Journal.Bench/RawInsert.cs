using System.Data.Common;

namespace MediaPlatform.Bench.Journal;

/// <summary>The row the raw baseline writes: the columns the journal fills for an untagged event, with the same values.</summary>
public static class RawInsert
{
    private static readonly string[] Columns =
        ["persistence_id", "sequence_number", "created", "deleted", "manifest", "message", "identifier", "writer_uuid"];

    /// <summary>INSERT into the table with the given placeholder style (SQLite "@p0", PostgreSQL "$1").</summary>
    public static string Sql(string table, Func<int, string> placeholder) =>
        $"INSERT INTO {table} ({string.Join(", ", Columns)}) " +
        $"VALUES ({string.Join(", ", Columns.Select((_, i) => placeholder(i)))})";

    /// <summary>Values in column order; created is UTC ticks, as the journal stores it.</summary>
    public static object[] Values(RowSet rows, string persistenceId, long sequenceNr, string writerUuid) =>
        [persistenceId, sequenceNr, DateTime.UtcNow.Ticks, false, RowSet.Manifest, rows.Payload, RowSet.SerializerId, writerUuid];

    /// <summary>Adds one parameter per column to a command that is reused for every row.</summary>
    public static DbParameter[] AddParameters(DbCommand command, Func<int, string> name)
    {
        var parameters = Columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name(i);
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        return parameters;
    }
}
