using System.Globalization;
using Akka.Persistence.Query;
using MediaPlatform.Actors.WatchHistory;

namespace MediaPlatform.Actors.Projections.Views;

/// <summary>
/// The durable daily view counts, from the "watch" tag: each <see cref="TitleWatchStarted"/> (a new view, the same
/// moment the serving node counts it in the replicated trending counters) adds one to its title's row for the UTC day
/// the view began. Added to, never recomputed: safe only because the runner applies each event exactly once (rows and
/// offset in one transaction) and a rebuild empties the table first.
/// </summary>
public sealed class ViewsProjection : IProjection
{
    public const string ProjectionName = "views";

    public string Name => ProjectionName;

    public string Tag => WatchHistoryEventTagger.Tag;

    public async Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        foreach (var ddl in ViewsSchema.Ddl(session.Dialect)) await session.ExecuteAsync(ddl, cancellationToken);
    }

    public Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"DELETE FROM {ViewsSchema.Table}", cancellationToken);

    public Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken) => envelope.Event switch
    {
        TitleWatchStarted e => session.ExecuteAsync($"""
            INSERT INTO {ViewsSchema.Table} (title_id, day, views) VALUES (@title, @day, 1)
            ON CONFLICT (title_id, day) DO UPDATE SET views = {ViewsSchema.Table}.views + 1
            """, cancellationToken, ("title", e.TitleId), ("day", Day(e.At))),
        _ => Task.CompletedTask,
    };

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
