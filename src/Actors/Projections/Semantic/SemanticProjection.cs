using System.Collections.Concurrent;
using Akka.Persistence.Query;
using MediaPlatform.Actors.Projections.Catalog;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// The semantic read model, a sibling of the catalog on the same "title" tag with its own offset: a vector for each
/// title's name and description when it is created, and one per window of dialogue when a subtitle track arrives
/// (a replaced track replaces its windows), with the title's owner and whether it is published (the catalog's
/// visibility rule), so each node's index can pass over titles a caller may not see before it ranks. The batch's texts are embedded before its transaction opens
/// (<see cref="PrepareAsync"/>, on a thread of its own: seconds of CPU for a film must not hold SQLite's write lock
/// nor a pool thread); the vectors and the offset then commit together like any projection's rows. Its own offset
/// means a slow or failing model (it restarts with back-off) never holds up the catalog's full-text search.
/// </summary>
public sealed class SemanticProjection(IBlobStore blobs, ITextEmbedder embedder, SemanticSearchSettings settings) : IPreparedProjection
{
    public const string ProjectionName = "semantic";
    private const int WindowsPerInsert = 100;

    /// <summary>Vectors of the batch being applied, by journal offset (one runner applies one batch at a time).</summary>
    private readonly ConcurrentDictionary<long, Embedded> _prepared = new();

    public string Name => ProjectionName;

    public string Tag => TitleEventTagger.Tag;

    /// <summary>Before the catalog: <see cref="SemanticSchemaUpgrade"/> copies owners and status from the catalog's rows,
    /// which the catalog's own upgrade empties for a refill.</summary>
    public int SchemaOrder => -1;

    public async Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        foreach (var ddl in SemanticSchema.Ddl(session.Dialect)) await session.ExecuteAsync(ddl, cancellationToken);
        await SemanticSchemaUpgrade.ApplyAsync(session, cancellationToken);
    }

    public async Task PrepareAsync(IReadOnlyList<EventEnvelope> batch, CancellationToken cancellationToken)
    {
        _prepared.Clear(); // what a failed batch left
        var work = new List<(long Offset, IReadOnlyList<DialogueWindow>? Windows, IReadOnlyList<string> Texts)>();
        foreach (var envelope in batch)
        {
            var offset = ((Sequence)envelope.Offset).Value;
            if (envelope.Event is TitleCreated created) work.Add((offset, null, [TitleText(created.Name, created.Description)]));
            if (envelope.Event is TitleSubtitlesAttached attached)
            {
                var windows = await WindowsAsync(attached, cancellationToken);
                work.Add((offset, windows, windows.Select(w => w.Text).ToList()));
            }
        }
        if (work.Count == 0) return;
        var texts = work.SelectMany(w => w.Texts).ToList();
        var vectors = await Task.Factory.StartNew(() => embedder.Embed(texts, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var next = 0;
        foreach (var (offset, windows, itemTexts) in work)
        {
            _prepared[offset] = new Embedded(windows, vectors[next..(next + itemTexts.Count)]);
            next += itemTexts.Count;
        }
    }

    public async Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        _prepared.Clear();
        await session.ExecuteAsync("DELETE FROM semantic_windows", cancellationToken);
        await session.ExecuteAsync("DELETE FROM semantic_titles", cancellationToken);
        // A rebuild rewrites rows with the offsets they had: nodes' in-memory indexes see it by this generation.
        var generation = await ProjectionOffsets.ReadAsync(session, GenerationName, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        await ProjectionOffsets.StoreAsync(session, GenerationName, generation + 1, now, now, cancellationToken);
    }

    /// <summary>A row of projection_offsets counting this projection's rebuilds (its "offset" is the count).</summary>
    public const string GenerationName = ProjectionName + ".generation";

    public Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        TitleCreated e => CreateAsync(session, e, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitleSubtitlesAttached e => AttachSubtitlesAsync(session, e, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitlePublished e => SetPublishedAsync(session, e.TitleId, true, ((Sequence)envelope.Offset).Value, cancellationToken),
        // Every other status change leaves the title unpublished, as the catalog's status says (a new source, a failure).
        TitleSourceUploaded e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitleProbeStarted e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitleProbed e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitleTranscodeProgressed e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitlePackaged e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        TitleFailed e => SetPublishedAsync(session, e.TitleId, false, ((Sequence)envelope.Offset).Value, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>What a title's own vector says: its name and its description as one text.</summary>
    public static string TitleText(string name, string description) => string.IsNullOrWhiteSpace(description) ? name : $"{name}. {description}";

    private async Task CreateAsync(ReadModelSession session, TitleCreated e, long offset, CancellationToken ct)
    {
        var vector = _prepared.TryRemove(offset, out var prepared) ? prepared.Vectors[0] : embedder.Embed([TitleText(e.Name, e.Description)], ct)[0];
        await session.ExecuteAsync("""
            INSERT INTO semantic_titles (title_id, vector, changed_offset, owner_id, published) VALUES (@id, @vector, @offset, @owner, 0)
            ON CONFLICT (title_id) DO UPDATE SET vector = excluded.vector, changed_offset = excluded.changed_offset,
              owner_id = excluded.owner_id, published = 0
            """, ct, ("id", e.TitleId), ("vector", VectorBlob.ToBytes(vector)), ("offset", offset), ("owner", e.OwnerId));
    }

    /// <summary>Only a change moves changed_offset (a transcode's many progress events reload nothing on the nodes).</summary>
    private static Task SetPublishedAsync(ReadModelSession session, string titleId, bool published, long offset, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE semantic_titles SET published = @published, changed_offset = @offset WHERE title_id = @id AND published <> @published",
            ct, ("id", titleId), ("published", published ? 1 : 0), ("offset", offset));

    private async Task AttachSubtitlesAsync(ReadModelSession session, TitleSubtitlesAttached e, long offset, CancellationToken ct)
    {
        if (await session.ScalarAsync("SELECT 1 FROM semantic_titles WHERE title_id = @id", ct, ("id", e.TitleId)) is null) return;
        var (windows, vectors) = _prepared.TryRemove(offset, out var prepared) && prepared.Windows is { } known
            ? (known, prepared.Vectors)
            : await EmbedWindowsAsync(e, ct);
        await session.ExecuteAsync("DELETE FROM semantic_windows WHERE title_id = @id AND language = @language", ct,
            ("id", e.TitleId), ("language", e.Language));
        foreach (var chunk in windows.Zip(vectors).Chunk(WindowsPerInsert))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@id, @language, @s{i}, @t{i}, @v{i})"));
            (string, object?)[] parameters =
            [
                ("id", e.TitleId), ("language", e.Language),
                .. chunk.SelectMany((w, i) => new (string, object?)[]
                    { ($"s{i}", (long)w.First.Start.TotalMilliseconds), ($"t{i}", w.First.Text), ($"v{i}", VectorBlob.ToBytes(w.Second)) }),
            ];
            await session.ExecuteAsync($"INSERT INTO semantic_windows (title_id, language, start_ms, text, vector) VALUES {values}", ct, parameters);
        }
        await session.ExecuteAsync("UPDATE semantic_titles SET changed_offset = @offset WHERE title_id = @id", ct,
            ("id", e.TitleId), ("offset", offset));
    }

    private async Task<(IReadOnlyList<DialogueWindow>, float[][])> EmbedWindowsAsync(TitleSubtitlesAttached e, CancellationToken ct)
    {
        var windows = await WindowsAsync(e, ct);
        return (windows, embedder.Embed(windows.Select(w => w.Text).ToList(), ct));
    }

    private async Task<IReadOnlyList<DialogueWindow>> WindowsAsync(TitleSubtitlesAttached e, CancellationToken ct) =>
        DialogueWindows.From(await SubtitleCues.ReadAsync(blobs, e.BlobKey, ct), settings.WindowCues);

    private sealed record Embedded(IReadOnlyList<DialogueWindow>? Windows, float[][] Vectors);
}
