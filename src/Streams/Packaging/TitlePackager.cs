using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Packages encoded rungs and the audio track as one HLS title with a master playlist: every rung cut straight from its
/// chunks and the audio, in one ffmpeg (<see cref="RungSegmenter"/>), and the master written here.
/// </summary>
public sealed class TitlePackager(FfmpegRunner? runner = null)
{
    public const string MasterFile = "master.m3u8";
    public const string AudioName = "audio";
    private readonly RungSegmenter _segmenter = new(runner);

    /// <param name="rungs">Each rung with its encoded chunks' paths in chunk order.</param>
    public async Task<HlsPackage> PackageAsync(IReadOnlyList<(Rung Rung, IReadOnlyList<string> ChunkPaths)> rungs, AudioTrack? audio,
        string outputFolder, double frameRate, int segmentSeconds = 4, CancellationToken cancellationToken = default)
    {
        if (rungs.Any(r => r.Rung.Name == AudioName))
            throw new ArgumentException($"'{AudioName}' is reserved for the audio rendition", nameof(rungs));
        var inputs = rungs.Select(r => (r.Rung.Name, r.ChunkPaths)).ToList();
        if (audio is not null) inputs.Add((AudioName, [audio.Path]));
        var playlists = await _segmenter.SegmentAsync(inputs, outputFolder, segmentSeconds, cancellationToken);
        var audioPlaylist = audio is null ? null : playlists[AudioName];

        // What a player downloads for a variant is its video plus the audio rendition.
        var variants = rungs.Select(r => playlists[r.Rung.Name]).Zip(rungs, (playlist, r) => new HlsVariant(r.Rung, playlist,
            playlist.PeakBitsPerSecond + (audioPlaylist?.PeakBitsPerSecond ?? 0),
            playlist.AverageBitsPerSecond + (audioPlaylist?.AverageBitsPerSecond ?? 0),
            frameRate)).ToList();
        var master = MasterPlaylistWriter.Write(variants, audioPlaylist, audio?.Channels ?? 2);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, MasterFile), master, cancellationToken);
        return new HlsPackage(outputFolder, MasterFile, variants, audioPlaylist);
    }
}
