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

    /// <summary>Inserts the rows into <see cref="RawTable"/> with plain ADO.NET and returns rows/s.</summary>
    Task<double> RawInsertAsync(RowSet rows);

    /// <summary>An open connection, for checks.</summary>
    Task<DbConnection> OpenAsync();
}
