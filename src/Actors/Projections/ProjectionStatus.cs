namespace MediaPlatform.Actors.Projections;

/// <summary>
/// A projection's progress: the journal ordering it has applied up to, how many events of its tag the journal holds
/// beyond that, and how old the oldest of those is (0 when caught up: an idle tag is not lag). The oldest unapplied
/// event, not the last applied one: after an idle hour the first new event would otherwise read as an hour behind.
/// </summary>
public sealed record ProjectionStatus(string Name, string Tag, long Offset, long EventsBehind, double SecondsBehind,
    DateTimeOffset? LastEventAt, DateTimeOffset? UpdatedAt)
{
    /// <summary>Reads the stored offset and counts the tag's rows in the journal's tag table beyond it.</summary>
    public static async Task<ProjectionStatus> ReadAsync(ReadModelSchema schema, IProjection projection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await schema.EnsureAsync(cancellationToken);
        await using var session = await schema.Database.OpenAsync(cancellationToken);
        var row = await ProjectionOffsets.RowAsync(session, projection.Name, cancellationToken);
        var offset = row?.Offset ?? 0;
        var behind = Convert.ToInt64(await session.ScalarAsync(
            "SELECT COUNT(*) FROM tags WHERE tag = @tag AND ordering_id > @offset", cancellationToken,
            ("tag", projection.Tag), ("offset", offset)) ?? 0L);
        var seconds = behind == 0 ? 0 : await OldestUnappliedAsync(session, projection.Tag, offset, cancellationToken) is { } oldest
            ? Math.Max(0, (now - oldest).TotalSeconds)
            : 0;
        return new ProjectionStatus(projection.Name, projection.Tag, offset, behind, Math.Round(seconds, 1), row?.EventAt, row?.UpdatedAt);
    }

    /// <summary>When the journal stored the tag's first event beyond the offset (the journal's own table, as the tag table refers to it).</summary>
    private static async Task<DateTimeOffset?> OldestUnappliedAsync(ReadModelSession session, string tag, long offset, CancellationToken cancellationToken)
    {
        var created = await session.ScalarAsync(
            "SELECT created FROM journal WHERE ordering = (SELECT MIN(ordering_id) FROM tags WHERE tag = @tag AND ordering_id > @offset)",
            cancellationToken, ("tag", tag), ("offset", offset));
        return created is null ? null : ProjectionRunner.EventTime(Convert.ToInt64(created));
    }
}
