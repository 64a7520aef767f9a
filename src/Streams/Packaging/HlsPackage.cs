namespace MediaPlatform.Streams.Packaging;

/// <summary>A packaged title: the folder, its master playlist file name, every video variant and the audio rendition.</summary>
public sealed record HlsPackage(string Folder, string MasterPlaylist, IReadOnlyList<HlsVariant> Variants, HlsMediaPlaylist? Audio);
