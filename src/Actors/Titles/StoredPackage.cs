using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Titles;

/// <summary>
/// The title snapshot's record of its HLS package: <see cref="TitlePackage"/> with stored rungs. Views get the
/// <see cref="TitlePackage"/> back through <see cref="ToPackage"/>.
/// </summary>
public sealed record StoredPackage(string HlsPrefix, string MasterPlaylist, IReadOnlyList<StoredRung> Rungs, DateTimeOffset PackagedAt)
{
    [JsonIgnore]
    public string MasterKey => HlsPrefix + MasterPlaylist;

    public TitlePackage ToPackage() => new(HlsPrefix, MasterPlaylist, Rungs.Select(r => r.ToRung()).ToList(), PackagedAt);
}
