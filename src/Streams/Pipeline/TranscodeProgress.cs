namespace MediaPlatform.Streams.Pipeline;

/// <summary>Where a transcode is: the stage, and encode jobs (chunk × rung) done out of the total.</summary>
public sealed record TranscodeProgress(string Stage, int ChunksDone, int ChunksTotal);
