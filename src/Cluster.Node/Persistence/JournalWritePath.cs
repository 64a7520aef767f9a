using Akka.Configuration;

namespace MediaPlatform.Node.Persistence;

/// <summary>
/// media-platform.persistence.journal-write-path: which journal writes events. Both read and write the same tables,
/// so a node can switch either way over an existing database.
/// </summary>
public enum JournalWritePath
{
    /// <summary>The node's own batching journal (<see cref="Journal.BatchedSqlJournal"/>): many events per transaction.</summary>
    Batched,

    /// <summary>Akka.Persistence.Sql's journal, the fallback.</summary>
    Plugin,
}

public static class JournalWritePaths
{
    public const string Path = "media-platform.persistence.journal-write-path";

    public static JournalWritePath From(Config root)
    {
        var value = root.HasPath(Path) ? root.GetString(Path) : "batched";
        var path = value switch
        {
            "batched" => JournalWritePath.Batched,
            "plugin" => JournalWritePath.Plugin,
            _ => throw new ConfigurationException($"{Path} must be batched or plugin, not '{value}'"),
        };
        // The batched journal writes tags only to the tag table: with the plugin's read side set to another tag mode,
        // events-by-tag (the projections) would silently miss every new event.
        var tagMode = root.HasPath(TagWriteModePath) ? root.GetString(TagWriteModePath) : "TagTable";
        if (path == JournalWritePath.Batched && !string.Equals(tagMode, "TagTable", StringComparison.OrdinalIgnoreCase))
            throw new ConfigurationException($"{Path} = batched writes tags to the tag table only; {TagWriteModePath} must be TagTable, not '{tagMode}' (or set {Path} = plugin)");
        return path;
    }

    private const string TagWriteModePath = "akka.persistence.journal.sql.tag-write-mode";
}
