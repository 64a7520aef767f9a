namespace MediaPlatform.Streams.Pipeline;

/// <summary>Where a transcode is: the stage, and chunk × rung encodes done out of the total (an item may finish several at once).</summary>
public sealed record TranscodeProgress(string Stage, int ChunksDone, int ChunksTotal);
