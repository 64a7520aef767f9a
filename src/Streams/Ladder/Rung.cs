namespace MediaPlatform.Streams.Ladder;

/// <summary>
/// One rendition to encode: output size (both even, the source's display aspect kept), constrained-VBR rates for
/// libx264 and the H.264 profile/level it must conform to. <see cref="Codecs"/> is the RFC 6381 list for the master
/// playlist (video, plus AAC-LC when the title has audio); <see cref="VideoCodec"/> is the video part alone.
/// </summary>
public sealed record Rung(
    string Name,
    int Width,
    int Height,
    int VideoKbps,
    int MaxRateKbps,
    int BufferKbps,
    string Profile,
    string Level,
    string VideoCodec,
    string Codecs);
