using Akka.Persistence.Query;

namespace MediaPlatform.Actors.Projections;

/// <summary>
/// A projection with slow, pure work per event (the semantic projection's embeddings: seconds of CPU for a film's
/// dialogue). <see cref="ProjectionRunner"/> calls <see cref="PrepareAsync"/> for the batch before it opens the
/// transaction, so the write lock (SQLite has one for the journal and every read model) is held only while rows are
/// written, never while the model runs. What is prepared depends only on the events, so preparing outside the
/// transaction changes nothing about once-only: rows and offset still commit together.
/// </summary>
public interface IPreparedProjection : IProjection
{
    Task PrepareAsync(IReadOnlyList<EventEnvelope> batch, CancellationToken cancellationToken);
}
