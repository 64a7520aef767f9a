namespace MediaPlatform.Actors.Projections;

/// <summary>
/// A projection's progress: the journal ordering it has applied up to, how many events of its tag the journal holds
/// beyond that, and how old the last applied event is while it is behind (0 when caught up: an idle tag is not lag).
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
        var seconds = behind == 0 || row is null ? 0 : Math.Max(0, (now - row.Value.EventAt).TotalSeconds);
        return new ProjectionStatus(projection.Name, projection.Tag, offset, behind, Math.Round(seconds, 1), row?.EventAt, row?.UpdatedAt);
    }
}
