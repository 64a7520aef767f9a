using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// A ladder rung as journals store it (title probe and package events, queued transcode work). Owned here so a rename
/// in <see cref="Rung"/> cannot change stored events; field names match the stored JSON and are never renamed.
/// </summary>
public sealed record StoredRung(
    string Name,
    int Width,
    int Height,
    int VideoKbps,
    int MaxRateKbps,
    int BufferKbps,
    string Profile,
    string Level,
    string VideoCodec,
    string Codecs)
{
    public static StoredRung From(Rung r) =>
        new(r.Name, r.Width, r.Height, r.VideoKbps, r.MaxRateKbps, r.BufferKbps, r.Profile, r.Level, r.VideoCodec, r.Codecs);

    public Rung ToRung() => new(Name, Width, Height, VideoKbps, MaxRateKbps, BufferKbps, Profile, Level, VideoCodec, Codecs);
}
