namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// The semantic read tables. semantic_titles: one vector per title (its name and description), its owner and whether
/// it is published (so each node's index can pass over what a caller may not see before ranking), and the journal
/// offset of the last event that changed any of the title's vectors or its visibility, which is how each node's
/// <see cref="SemanticIndex"/> finds what to reload. semantic_windows: one vector per window of a few subtitle cues, with the first cue's start.
/// Vectors are float32 BLOB / bytea (<see cref="VectorBlob"/>). Tables made before owner_id and published existed
/// get them from <see cref="SemanticSchemaUpgrade"/>.
/// </summary>
public static class SemanticSchema
{
    public static IReadOnlyList<string> Ddl(ReadModelDialect dialect) => dialect == ReadModelDialect.Sqlite ? Sqlite : Postgres;

    private static readonly string[] Sqlite =
    [
        """
        CREATE TABLE IF NOT EXISTS semantic_titles (title_id TEXT PRIMARY KEY, vector BLOB NOT NULL, changed_offset INTEGER NOT NULL,
          owner_id TEXT NOT NULL DEFAULT '', published INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS semantic_titles_changed ON semantic_titles (changed_offset)",
        """
        CREATE TABLE IF NOT EXISTS semantic_windows (window_id INTEGER PRIMARY KEY, title_id TEXT NOT NULL, language TEXT NOT NULL,
          start_ms INTEGER NOT NULL, text TEXT NOT NULL, vector BLOB NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS semantic_windows_title ON semantic_windows (title_id, language)",
    ];

    private static readonly string[] Postgres =
    [
        """
        CREATE TABLE IF NOT EXISTS semantic_titles (title_id text PRIMARY KEY, vector bytea NOT NULL, changed_offset bigint NOT NULL,
          owner_id text NOT NULL DEFAULT '', published integer NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX IF NOT EXISTS semantic_titles_changed ON semantic_titles (changed_offset)",
        """
        CREATE TABLE IF NOT EXISTS semantic_windows (window_id bigserial PRIMARY KEY, title_id text NOT NULL, language text NOT NULL,
          start_ms bigint NOT NULL, text text NOT NULL, vector bytea NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS semantic_windows_title ON semantic_windows (title_id, language)",
    ];
}
