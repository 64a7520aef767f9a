using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Turns encoded chunks into the title's HLS package: each rung assembled from exactly one encode per chunk (stream
/// copy, in chunk order), checked to hold every frame of the source, then segmented with the audio under a master
/// playlist, plus the title's poster frame (<see cref="PosterFrame"/>). The check is what makes a chunk encoded twice —
/// or missing — fail loudly instead of playing wrong.
/// </summary>
public sealed class RenditionPackaging(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<TranscodeSummary> PackageAsync(ProbeResult probe, IReadOnlyList<Rung> rungs, IReadOnlyList<VideoChunk> chunks,
        IReadOnlyList<ChunkEncodeResult> results, AudioTrack? audio, string workFolder, string outputFolder, int segmentSeconds,
        TimeSpan elapsedBefore, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var assembler = new RungAssembler(_runner);
        var scanner = new PacketScanner(_runner);
        var assembled = new List<(Rung Rung, string Path)>();
        var scans = new Dictionary<string, PacketScan>();
        foreach (var rung in rungs)
        {
            using var span = StreamsTracing.Source.StartActivity("package " + rung.Name);
            var encodes = OnePerChunk(rung, chunks, results);
            var path = await assembler.AssembleAsync(encodes, Path.Combine(workFolder, $"{rung.Name}.mp4"), cancellationToken);
            var scan = await scanner.ScanAsync(path, "v:0", cancellationToken);
            if (scan.FrameCount != probe.FrameCount)
                throw new InvalidDataException($"rung {rung.Name} assembled to {scan.FrameCount} frames, the source has {probe.FrameCount}");
            assembled.Add((rung, path));
            scans[rung.Name] = scan;
        }

        var package = await new TitlePackager(_runner).PackageAsync(assembled, audio, outputFolder, probe.FrameRate, segmentSeconds, cancellationToken);
        // The poster is part of the package: stored and published with it, from the sharpest rung.
        var sharpest = assembled.MaxBy(a => a.Rung.Width * a.Rung.Height);
        await new PosterFrame(_runner).GrabAsync(sharpest.Path, probe.Duration, outputFolder, cancellationToken);
        var summaries = package.Variants.Select(v => new RungSummary(v.Rung.Name, v.Rung.Width, v.Rung.Height,
            scans[v.Rung.Name].FrameCount, scans[v.Rung.Name].Duration, v.Playlist.Segments.Count, v.Bandwidth,
            v.AverageBandwidth, v.Playlist.PlaylistFile)).ToList();
        return new TranscodeSummary(Path.GetFullPath(outputFolder), package.MasterPlaylist, probe, chunks.Count, chunks.Count * rungs.Count,
            summaries, package.Audio?.PlaylistFile, elapsedBefore + (DateTime.UtcNow - started));
    }

    /// <summary>The rung's encodes in chunk order; anything but exactly one encode for every chunk is refused.</summary>
    private static IReadOnlyList<ChunkEncodeResult> OnePerChunk(Rung rung, IReadOnlyList<VideoChunk> chunks, IReadOnlyList<ChunkEncodeResult> results)
    {
        var ofRung = results.Where(r => r.RungName == rung.Name).OrderBy(r => r.ChunkIndex).ToList();
        var expected = chunks.Select(c => c.Index).Order().ToList();
        if (!ofRung.Select(r => r.ChunkIndex).SequenceEqual(expected))
            throw new InvalidDataException(
                $"rung {rung.Name} has encodes for chunks [{string.Join(',', ofRung.Select(r => r.ChunkIndex))}], expected each of [{string.Join(',', expected)}] once");
        return ofRung;
    }
}
