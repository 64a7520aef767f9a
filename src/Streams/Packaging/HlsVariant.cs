using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Packaging;

/// <summary>A rung as the master playlist advertises it. Bandwidths include the audio played with it.</summary>
public sealed record HlsVariant(Rung Rung, HlsMediaPlaylist Playlist, long Bandwidth, long AverageBandwidth, double FrameRate);
