using System.Data.Common;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// A fresh, empty database for one run. The node's journal is pointed at it; afterwards the raw baseline writes
/// into <see cref="RawTable"/>, a copy of the journal table's shape in the same database.
/// </summary>
public interface IRunDatabase : IAsyncDisposable
{
    public const string JournalTable = "journal";
    public const string RawTable = "raw_journal";

    /// <summary>Node options whose persistence section points at this database.</summary>
    NodeOptions NodeOptions { get; }

    /// <summary>Creates <see cref="RawTable"/> like the journal table (columns, keys, indexes); call after the journal ran.</summary>
    Task CreateRawTableAsync();

    /// <summary>Inserts the rows into <paramref name="table"/> with plain ADO.NET and returns rows/s and CPU per row.</summary>
    Task<Rate> RawInsertAsync(RowSet rows, string table = RawTable);

    /// <summary>Reads one persistence id's rows from the journal table with plain ADO.NET (every column the journal
    /// reads, in sequence order) and returns rows/s; throws unless exactly <paramref name="expected"/> rows came back.</summary>
    Task<Rate> RawSelectAsync(string persistenceId, long expected);

    /// <summary>An open connection, for checks.</summary>
    Task<DbConnection> OpenAsync();
}
