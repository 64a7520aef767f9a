using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Turns encoded chunks into the title's HLS package: each rung cut from exactly one encode per chunk (stream copy, in
/// chunk order) with the audio under a master playlist, all in one ffmpeg (<see cref="TitlePackager"/>); then each
/// rung's segments, as a player joins them, are checked to hold every frame of the source (<see cref="Mp4VideoSamples"/>,
/// no process); plus the title's poster frame (<see cref="PosterFrame"/>). The check is what makes a chunk encoded twice
/// — or missing — fail loudly instead of playing wrong.
/// </summary>
public sealed class RenditionPackaging(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<TranscodeSummary> PackageAsync(ProbeResult probe, IReadOnlyList<Rung> rungs, IReadOnlyList<VideoChunk> chunks,
        IReadOnlyList<ChunkEncodeResult> results, AudioTrack? audio, string outputFolder, int segmentSeconds,
        TimeSpan elapsedBefore, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        var encodes = rungs.Select(r => (Rung: r, Encodes: OnePerChunk(r, chunks, results))).ToList();
        HlsPackage package;
        using (StreamsTracing.Source.StartActivity("package"))
            package = await new TitlePackager(_runner).PackageAsync(
                encodes.Select(e => (e.Rung, (IReadOnlyList<string>)e.Encodes.Select(c => c.OutputPath).ToList())).ToList(),
                audio, outputFolder, probe.FrameRate, segmentSeconds, cancellationToken);
        var counted = new Dictionary<string, (int Frames, TimeSpan Duration)>();
        foreach (var variant in package.Variants)
        {
            var playlist = variant.Playlist;
            var files = playlist.Segments.Select(s => s.File).Prepend(playlist.InitFile!).Select(f => Path.Combine(outputFolder, f));
            var (frames, duration) = Mp4VideoSamples.Read(files);
            if (frames != probe.FrameCount)
                throw new InvalidDataException($"rung {variant.Rung.Name} packaged with {frames} frames, the source has {probe.FrameCount}");
            counted[variant.Rung.Name] = (frames, duration);
        }

        // The poster is part of the package: stored and published with it, from the sharpest rung's chunk at its moment.
        var sharpest = encodes.MaxBy(e => e.Rung.Width * e.Rung.Height);
        var at = PosterFrame.At(probe.Duration);
        var chunk = chunks.OrderBy(c => c.Index).LastOrDefault(c => c.Start <= at) ?? chunks.MinBy(c => c.Index)!;
        var posterAt = at - chunk.Start is var into && into > TimeSpan.Zero && into < chunk.Duration ? into : TimeSpan.Zero;
        await new PosterFrame(_runner).GrabAsync(sharpest.Encodes.First(e => e.ChunkIndex == chunk.Index).OutputPath, posterAt, outputFolder, cancellationToken);
        var summaries = package.Variants.Select(v => new RungSummary(v.Rung.Name, v.Rung.Width, v.Rung.Height,
            counted[v.Rung.Name].Frames, counted[v.Rung.Name].Duration, v.Playlist.Segments.Count, v.Bandwidth,
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
