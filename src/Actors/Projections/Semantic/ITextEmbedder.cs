namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// Turns texts into unit-length sentence vectors (cosine similarity is then a dot product). The projection embeds
/// titles and dialogue windows with it; the search embeds the query. Throws <see cref="EmbeddingModelUnavailableException"/>
/// when the model cannot be loaded.
/// </summary>
public interface ITextEmbedder
{
    int Dimensions { get; }

    /// <summary>Whether the model loaded, failed, or was not needed yet (it loads on first use).</summary>
    EmbeddingModelStatus Status { get; }

    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>The model's state on this node; <paramref name="LoadTime"/> once loaded, <paramref name="Error"/> once failed.</summary>
public sealed record EmbeddingModelStatus(string State, TimeSpan? LoadTime, string? Error)
{
    public const string NotLoaded = "NotLoaded";
    public const string Loaded = "Loaded";
    public const string Failed = "Failed";

    public bool HasFailed => State == Failed;
}

/// <summary>The embedding model could not be loaded on this node (the reason is in the log and the status).</summary>
public sealed class EmbeddingModelUnavailableException(string reason, Exception? cause = null)
    : Exception($"the sentence-embedding model is unavailable: {reason}", cause);
