using System.Text.Json.Serialization;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// Where a title's renditions live: the blob prefix of its HLS package (ending in '/'), the master playlist's file
/// name inside it, and the rungs it holds.
/// </summary>
public sealed record TitlePackage(string HlsPrefix, string MasterPlaylist, IReadOnlyList<Rung> Rungs, DateTimeOffset PackagedAt)
{
    [JsonIgnore]
    public string MasterKey => HlsPrefix + MasterPlaylist;

    public bool SameAs(TitlePackage other) =>
        HlsPrefix == other.HlsPrefix && MasterPlaylist == other.MasterPlaylist && Rungs.SequenceEqual(other.Rungs);
}
