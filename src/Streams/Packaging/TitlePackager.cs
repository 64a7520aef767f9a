using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;

namespace MediaPlatform.Streams.Packaging;

/// <summary>Packages assembled rungs and the audio track as one HLS title with a master playlist.</summary>
public sealed class TitlePackager(FfmpegRunner? runner = null)
{
    public const string MasterFile = "master.m3u8";
    public const string AudioName = "audio";
    private readonly HlsSegmenter _segmenter = new(runner);

    /// <param name="rungs">Each rung with the path of its assembled MP4.</param>
    public async Task<HlsPackage> PackageAsync(IReadOnlyList<(Rung Rung, string AssembledPath)> rungs, AudioTrack? audio,
        string outputFolder, double frameRate, int segmentSeconds = 4, CancellationToken cancellationToken = default)
    {
        if (rungs.Any(r => r.Rung.Name == AudioName))
            throw new ArgumentException($"'{AudioName}' is reserved for the audio rendition", nameof(rungs));
        Directory.CreateDirectory(outputFolder);
        var audioPlaylist = audio is null
            ? null
            : await _segmenter.SegmentAsync(audio.Path, AudioName, outputFolder, segmentSeconds, cancellationToken);

        var variants = new List<HlsVariant>();
        foreach (var (rung, path) in rungs)
        {
            var playlist = await _segmenter.SegmentAsync(path, rung.Name, outputFolder, segmentSeconds, cancellationToken);
            // What a player downloads for this variant is its video plus the audio rendition.
            variants.Add(new HlsVariant(rung, playlist,
                playlist.PeakBitsPerSecond + (audioPlaylist?.PeakBitsPerSecond ?? 0),
                playlist.AverageBitsPerSecond + (audioPlaylist?.AverageBitsPerSecond ?? 0),
                frameRate));
        }

        var master = MasterPlaylistWriter.Write(variants, audioPlaylist, audio?.Channels ?? 2);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, MasterFile), master, cancellationToken);
        return new HlsPackage(outputFolder, MasterFile, variants, audioPlaylist);
    }
}
