using System.Data.Common;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// The recovery baseline: one persistence id's live rows in sequence order, every column the journal's replay reads,
/// each value materialized (the payload as a byte array) but not deserialized.
/// </summary>
public static class RawSelect
{
    public static string Sql(string idPlaceholder) =>
        "SELECT ordering, persistence_id, sequence_number, created, deleted, manifest, message, identifier, writer_uuid " +
        $"FROM {IRunDatabase.JournalTable} WHERE persistence_id = {idPlaceholder} AND deleted = false ORDER BY sequence_number";

    public static void ReadAll(DbDataReader reader, long expected)
    {
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            _ = reader.GetInt64(0);
            _ = reader.GetString(1);
            _ = reader.GetInt64(2);
            _ = reader.GetInt64(3);
            _ = reader.GetBoolean(4);
            _ = reader.GetString(5);
            bytes += reader.GetFieldValue<byte[]>(6).Length;
            _ = reader.GetInt32(7);
            _ = reader.GetString(8);
            rows++;
        }
        if (rows != expected || bytes == 0)
            throw new InvalidOperationException($"raw SELECT read {rows} rows, expected {expected}");
    }
}
