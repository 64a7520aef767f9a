namespace MediaPlatform.Streams.Chunking;

/// <summary>The title's audio, encoded once from the whole source: AAC-LC stereo at 48 kHz.</summary>
public sealed record AudioTrack(string Path, TimeSpan Duration, int Channels, int SampleRate, int BitrateKbps);
