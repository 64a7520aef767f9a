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
    TimeSpan Elapsed);
