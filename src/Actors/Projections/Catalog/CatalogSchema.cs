namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// The catalog's read tables. catalog_titles: one row per title; catalog_cues: one row per subtitle cue. Full text:
/// on SQLite two FTS5 tables with external content (the rows themselves hold the text; the projection keeps the index
/// in step, see <see cref="CatalogProjection"/>); on PostgreSQL generated tsvector columns with GIN indexes. Both
/// tokenise the same way (lower case, split on what is not a letter or digit, no stemming, accents kept: FTS5
/// unicode61 without diacritic removal, PostgreSQL's 'simple' configuration), so a query answers the same on both.
/// The listing (<see cref="CatalogListing"/>) reads catalog_titles alone: name_folded (the name in compatibility form,
/// lower case) for its substring match, and the progress, failure reason and artwork a title card shows.
/// </summary>
public static class CatalogSchema
{
    public static IReadOnlyList<string> Ddl(ReadModelDialect dialect) => dialect == ReadModelDialect.Sqlite ? Sqlite : Postgres;

    /// <summary>
    /// Columns the listing needs (GET /api/titles) that the first catalog tables lacked: name and type per dialect.
    /// A database made before them gets them by ALTER TABLE (see <see cref="CatalogProjection.CreateTablesAsync"/>).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Sqlite, string Postgres)> ListingColumns =
    [
        ("name_folded", "TEXT NOT NULL DEFAULT ''", "text NOT NULL DEFAULT ''"),
        ("progress_percent", "REAL", "double precision"),
        ("failure_reason", "TEXT", "text"),
        ("artwork_image_id", "TEXT", "text"),
        ("artwork_variants", "TEXT", "text"),
        ("artwork_submitted_at", "INTEGER", "bigint"),
    ];

    /// <summary>The listing's order (newest first); created after the upgrade's ALTERs, so an old table has the columns by then.</summary>
    public const string ListingIndex =
        "CREATE INDEX IF NOT EXISTS catalog_titles_created ON catalog_titles (created_at DESC, title_id)";

    /// <summary>The catalog_titles columns that exist (an old database lacks the listing's).</summary>
    public static string ColumnsQuery(ReadModelDialect dialect) => dialect == ReadModelDialect.Sqlite
        ? "SELECT name FROM pragma_table_info('catalog_titles')"
        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'catalog_titles'";

    private static readonly string[] Sqlite =
    [
        """
        CREATE TABLE IF NOT EXISTS catalog_titles (doc_id INTEGER PRIMARY KEY, title_id TEXT NOT NULL UNIQUE, owner_id TEXT NOT NULL,
          name TEXT NOT NULL, name_key TEXT NOT NULL, description TEXT NOT NULL, status TEXT NOT NULL, duration_ms INTEGER,
          rungs TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
          name_folded TEXT NOT NULL DEFAULT '', progress_percent REAL, failure_reason TEXT, artwork_image_id TEXT,
          artwork_variants TEXT, artwork_submitted_at INTEGER)
        """,
        "CREATE INDEX IF NOT EXISTS catalog_titles_name_key ON catalog_titles (name_key)",
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS catalog_titles_fts USING fts5(name, description, content='catalog_titles',
          content_rowid='doc_id', tokenize='unicode61 remove_diacritics 0')
        """,
        """
        CREATE TABLE IF NOT EXISTS catalog_cues (cue_id INTEGER PRIMARY KEY, title_id TEXT NOT NULL, language TEXT NOT NULL,
          start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, text TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS catalog_cues_title ON catalog_cues (title_id, language)",
        """
        CREATE VIRTUAL TABLE IF NOT EXISTS catalog_cues_fts USING fts5(text, content='catalog_cues', content_rowid='cue_id',
          tokenize='unicode61 remove_diacritics 0')
        """,
    ];

    private static readonly string[] Postgres =
    [
        """
        CREATE TABLE IF NOT EXISTS catalog_titles (title_id text PRIMARY KEY, owner_id text NOT NULL, name text NOT NULL,
          name_key text NOT NULL, description text NOT NULL, status text NOT NULL, duration_ms bigint, rungs text NOT NULL DEFAULT '',
          languages text NOT NULL DEFAULT '', created_at bigint NOT NULL, updated_at bigint NOT NULL,
          name_folded text NOT NULL DEFAULT '', progress_percent double precision, failure_reason text, artwork_image_id text,
          artwork_variants text, artwork_submitted_at bigint,
          name_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED,
          description_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', description)) STORED)
        """,
        "CREATE INDEX IF NOT EXISTS catalog_titles_name_key ON catalog_titles (name_key)",
        "CREATE INDEX IF NOT EXISTS catalog_titles_name_tsv ON catalog_titles USING GIN (name_tsv)",
        "CREATE INDEX IF NOT EXISTS catalog_titles_description_tsv ON catalog_titles USING GIN (description_tsv)",
        """
        CREATE TABLE IF NOT EXISTS catalog_cues (cue_id bigserial PRIMARY KEY, title_id text NOT NULL, language text NOT NULL,
          start_ms bigint NOT NULL, end_ms bigint NOT NULL, text text NOT NULL,
          text_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED)
        """,
        "CREATE INDEX IF NOT EXISTS catalog_cues_title ON catalog_cues (title_id, language)",
        "CREATE INDEX IF NOT EXISTS catalog_cues_text_tsv ON catalog_cues USING GIN (text_tsv)",
    ];
}
