using Akka.Persistence.Query;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// The catalog read model: every title's name, description, status, duration, rungs and subtitle languages (with what
/// the listing shows: transcode progress, failure reason, artwork), and each
/// subtitle cue's text and times, from the "title" tag. Subtitle events carry only the blob key, so the cues are read
/// from the blob store when the event is applied (a blob gone by then indexes no cues for that track).
/// On SQLite the FTS5 tables hold external content: every change to an indexed row is mirrored here ('delete' with the
/// old text, then the new row), inside the same transaction.
/// </summary>
public sealed class CatalogProjection(IBlobStore blobs) : IProjection
{
    public const string ProjectionName = "catalog";
    private const int CuesPerInsert = 200;

    public string Name => ProjectionName;

    public string Tag => TitleEventTagger.Tag;

    public async Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        foreach (var ddl in CatalogSchema.Ddl(session.Dialect)) await session.ExecuteAsync(ddl, cancellationToken);
        await AddListingColumnsAsync(session, cancellationToken);
        await session.ExecuteAsync(CatalogSchema.ListingIndex, cancellationToken);
    }

    /// <summary>
    /// A database from before the listing moved here lacks its columns: add them, then empty the tables and forget the
    /// offset, so the projection (which starts only after this) refills every row from the journal with them. All in
    /// the schema's one transaction: either the upgrade and the reset both happen or neither does.
    /// </summary>
    private async Task AddListingColumnsAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        var existing = (await session.QueryAsync(CatalogSchema.ColumnsQuery(session.Dialect), r => r.GetString(0), cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var missing = CatalogSchema.ListingColumns.Where(c => !existing.Contains(c.Name)).ToList();
        if (missing.Count == 0) return;
        foreach (var (column, sqlite, postgres) in missing)
            await session.ExecuteAsync($"ALTER TABLE catalog_titles ADD COLUMN {column} {(session.IsSqlite ? sqlite : postgres)}", cancellationToken);
        await ResetAsync(session, cancellationToken);
        await ProjectionOffsets.DeleteAsync(session, Name, cancellationToken);
    }

    public async Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("DELETE FROM catalog_cues", cancellationToken);
        await session.ExecuteAsync("DELETE FROM catalog_titles", cancellationToken);
        if (!session.IsSqlite) return;
        await session.ExecuteAsync("INSERT INTO catalog_titles_fts (catalog_titles_fts) VALUES ('delete-all')", cancellationToken);
        await session.ExecuteAsync("INSERT INTO catalog_cues_fts (catalog_cues_fts) VALUES ('delete-all')", cancellationToken);
    }

    public Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        TitleCreated e => CreateAsync(session, e, cancellationToken),
        TitleSubtitlesAttached e => AttachSubtitlesAsync(session, e, cancellationToken),
        // A new source starts the pipeline over: the old progress and failure no longer hold (as in TitleState).
        TitleSourceUploaded e => SetAsync(session, e.TitleId, TitleStatus.SourceUploaded, e.At, cancellationToken,
            ("progress_percent", null), ("failure_reason", null)),
        TitleProbeStarted e => SetAsync(session, e.TitleId, TitleStatus.Probing, e.At, cancellationToken),
        TitleProbed e => SetAsync(session, e.TitleId, TitleStatus.Probed, e.At, cancellationToken,
            ("duration_ms", (long)e.Probe.Duration.TotalMilliseconds), ("rungs", Rungs(e.Ladder))),
        // The most frequent title event: still one UPDATE of one row by its key.
        TitleTranscodeProgressed e => SetAsync(session, e.TitleId, TitleStatus.Transcoding, e.At, cancellationToken,
            ("progress_percent", new TitleProgress(e.ChunksDone, e.ChunksTotal, e.Rungs, e.At, e.At).Percent)),
        TitlePackaged e => SetAsync(session, e.TitleId, TitleStatus.QualityCheck, e.At, cancellationToken, ("rungs", Rungs(e.Rungs))),
        TitlePublished e => SetAsync(session, e.TitleId, TitleStatus.Published, e.At, cancellationToken),
        TitleFailed e => SetAsync(session, e.TitleId, TitleStatus.Failed, e.At, cancellationToken, ("failure_reason", e.Reason)),
        TitleQcReported e => TouchAsync(session, e.TitleId, e.At, cancellationToken),
        TitleArtworkRecorded e => TouchAsync(session, e.TitleId, e.At, cancellationToken, ("artwork_image_id", e.Image.ImageId),
            ("artwork_variants", string.Join(',', e.Image.Variants)), ("artwork_submitted_at", e.Image.SubmittedAt.ToUnixTimeMilliseconds())),
        _ => Task.CompletedTask,
    };

    private static string Rungs(IEnumerable<StoredRung> rungs) => string.Join(',', rungs.Select(r => r.Name));

    private static async Task CreateAsync(ReadModelSession session, TitleCreated e, CancellationToken ct)
    {
        await DeleteTitleRowAsync(session, e.TitleId, ct);
        await session.ExecuteAsync("""
            INSERT INTO catalog_titles (title_id, owner_id, name, name_key, name_folded, description, status, created_at, updated_at)
            VALUES (@id, @owner, @name, @key, @folded, @description, @status, @at, @at)
            """, ct, ("id", e.TitleId), ("owner", e.OwnerId), ("name", e.Name), ("key", CatalogText.Key(e.Name)), ("folded", CatalogText.Fold(e.Name)),
            ("description", e.Description), ("status", TitleStatus.Created.ToString()), ("at", e.At.ToUnixTimeMilliseconds()));
        if (session.IsSqlite)
            await session.ExecuteAsync("""
                INSERT INTO catalog_titles_fts (rowid, name, description) SELECT doc_id, name, description FROM catalog_titles WHERE title_id = @id
                """, ct, ("id", e.TitleId));
    }

    private static async Task DeleteTitleRowAsync(ReadModelSession session, string titleId, CancellationToken ct)
    {
        if (session.IsSqlite)
            await session.ExecuteAsync("""
                INSERT INTO catalog_titles_fts (catalog_titles_fts, rowid, name, description)
                SELECT 'delete', doc_id, name, description FROM catalog_titles WHERE title_id = @id
                """, ct, ("id", titleId));
        await session.ExecuteAsync("DELETE FROM catalog_titles WHERE title_id = @id", ct, ("id", titleId));
    }

    /// <summary>Status and time, plus columns that are not full-text indexed (so the FTS index needs no change).</summary>
    private static Task SetAsync(ReadModelSession session, string titleId, TitleStatus status, DateTimeOffset at, CancellationToken ct,
        params (string Column, object? Value)[] columns)
    {
        var sets = string.Concat(columns.Select(c => $", {c.Column} = @{c.Column}"));
        return session.ExecuteAsync($"UPDATE catalog_titles SET status = @status, updated_at = @at{sets} WHERE title_id = @id", ct,
            [("id", titleId), ("status", status.ToString()), ("at", at.ToUnixTimeMilliseconds()), .. columns]);
    }

    /// <summary>A change that keeps the status: the time, and columns that are not full-text indexed.</summary>
    private static Task TouchAsync(ReadModelSession session, string titleId, DateTimeOffset at, CancellationToken ct,
        params (string Column, object? Value)[] columns)
    {
        var sets = string.Concat(columns.Select(c => $", {c.Column} = @{c.Column}"));
        return session.ExecuteAsync($"UPDATE catalog_titles SET updated_at = @at{sets} WHERE title_id = @id", ct,
            [("id", titleId), ("at", at.ToUnixTimeMilliseconds()), .. columns]);
    }

    private async Task AttachSubtitlesAsync(ReadModelSession session, TitleSubtitlesAttached e, CancellationToken ct)
    {
        var languages = await session.ScalarAsync("SELECT languages FROM catalog_titles WHERE title_id = @id", ct, ("id", e.TitleId));
        if (languages is not string known) return; // no such title in the read model
        var cues = await SubtitleCues.ReadAsync(blobs, e.BlobKey, ct);
        if (session.IsSqlite)
            await session.ExecuteAsync("""
                INSERT INTO catalog_cues_fts (catalog_cues_fts, rowid, text)
                SELECT 'delete', cue_id, text FROM catalog_cues WHERE title_id = @id AND language = @language
                """, ct, ("id", e.TitleId), ("language", e.Language));
        await session.ExecuteAsync("DELETE FROM catalog_cues WHERE title_id = @id AND language = @language", ct,
            ("id", e.TitleId), ("language", e.Language));
        // Many rows per statement: one round trip per chunk of cues, not per cue (a film has ~1,500).
        foreach (var chunk in cues.Chunk(CuesPerInsert))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@id, @language, @s{i}, @e{i}, @t{i})"));
            (string, object?)[] parameters =
            [
                ("id", e.TitleId), ("language", e.Language),
                .. chunk.SelectMany((cue, i) => new (string, object?)[]
                    { ($"s{i}", (long)cue.Start.TotalMilliseconds), ($"e{i}", (long)cue.End.TotalMilliseconds), ($"t{i}", cue.Text) }),
            ];
            await session.ExecuteAsync($"INSERT INTO catalog_cues (title_id, language, start_ms, end_ms, text) VALUES {values}", ct, parameters);
        }
        if (session.IsSqlite)
            await session.ExecuteAsync("""
                INSERT INTO catalog_cues_fts (rowid, text) SELECT cue_id, text FROM catalog_cues WHERE title_id = @id AND language = @language
                """, ct, ("id", e.TitleId), ("language", e.Language));
        var all = known.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(e.Language).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        await session.ExecuteAsync("UPDATE catalog_titles SET languages = @languages, updated_at = @at WHERE title_id = @id", ct,
            ("id", e.TitleId), ("languages", string.Join(',', all)), ("at", e.At.ToUnixTimeMilliseconds()));
    }
}
