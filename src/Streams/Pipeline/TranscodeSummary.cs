using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>A finished transcode: where the HLS output is and what it holds.</summary>
public sealed record TranscodeSummary(
    string OutputFolder,
    string MasterPlaylist,
    ProbeResult Source,
    int ChunkCount,
    int Encodes,
    IReadOnlyList<RungSummary> Rungs,
    string? AudioPlaylist,
    TimeSpan Elapsed)
{
    /// <summary>The seek-bar preview and poster written into the package; null when they could not be made.</summary>
    public Thumbnails.ThumbnailSet? Thumbnails { get; init; }

    /// <summary>Why there is no preview (the title is packaged and plays without one).</summary>
    public string? ThumbnailFailure { get; init; }
}
