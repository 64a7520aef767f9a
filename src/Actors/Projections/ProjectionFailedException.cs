namespace MediaPlatform.Actors.Projections;

/// <summary>A projection's stream stopped (a batch failed or the journal query ended); its supervisor restarts it after a back-off.</summary>
public sealed class ProjectionFailedException(string name, Exception? cause)
    : Exception($"projection {name} stopped: {cause?.Message ?? "the journal query completed"}", cause);
