using Akka.Persistence.Query;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// One read model fed by the journal: a name (its row in projection_offsets), the tag it reads with EventsByTag, and
/// what it does to its tables. <see cref="ProjectionRunner"/> calls <see cref="ApplyAsync"/> inside the transaction
/// that also stores the offset, so an event is applied exactly once however the node dies.
/// </summary>
public interface IProjection
{
    string Name { get; }

    string Tag { get; }

    /// <summary>
    /// Where this projection's <see cref="CreateTablesAsync"/> runs among the others' in the one schema transaction (lower
    /// first, then in registration order): an upgrade that reads another read model's rows must run before that model's
    /// own upgrade may empty them.
    /// </summary>
    int SchemaOrder => 0;

    /// <summary>Idempotent DDL for the projection's tables (CREATE … IF NOT EXISTS), in the session's dialect.</summary>
    Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken);

    /// <summary>Applies one event to the read tables, inside the session's transaction; throwing rolls the whole batch back.</summary>
    Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken);

    /// <summary>Empties the projection's tables for a rebuild from offset 0, inside the session's transaction.</summary>
    Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken);
}
