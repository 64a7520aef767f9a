using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Thumbnails;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Turns encoded chunks into the title's HLS package: each rung assembled from exactly one encode per chunk (stream
/// copy, in chunk order), checked to hold every frame of the source, then segmented with the audio under a master
/// playlist, plus the title's seek-bar preview and poster (<see cref="TitleThumbnails"/>), made from the assembled rungs
/// while the rungs are segmented. The check is what makes a chunk encoded twice — or missing — fail loudly instead of
/// playing wrong. The preview never fails the package: when it cannot be made the summary says why
/// (<see cref="TranscodeSummary.ThumbnailFailure"/>) and the poster is grabbed a tenth of the way in instead.
/// </summary>
public sealed class RenditionPackaging(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<TranscodeSummary> PackageAsync(ProbeResult probe, IReadOnlyList<Rung> rungs, IReadOnlyList<VideoChunk> chunks,
        IReadOnlyList<ChunkEncodeResult> results, AudioTrack? audio, string workFolder, string outputFolder, int segmentSeconds,
        TimeSpan elapsedBefore, CancellationToken cancellationToken = default, ThumbnailOptions? thumbnails = null)
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

        // The preview decodes while the rungs are segmented (stream copies): it adds little to the package step.
        using var stopPreview = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var preview = ThumbnailsAsync(assembled, probe.Duration, thumbnails ?? ThumbnailOptions.Default, outputFolder, stopPreview.Token);
        HlsPackage package;
        try { package = await new TitlePackager(_runner).PackageAsync(assembled, audio, outputFolder, probe.FrameRate, segmentSeconds, cancellationToken); }
        catch
        {
            await stopPreview.CancelAsync(); // no ffmpeg of a failed package keeps writing into its folder
            await preview;
            throw;
        }
        await preview;
        var (set, failure) = preview.Result;
        if (set is null)
        {
            var sharpest = assembled.MaxBy(a => a.Rung.Width * a.Rung.Height);
            await new PosterFrame(_runner).GrabAtAsync(sharpest.Path, PosterFrame.At(probe.Duration), outputFolder, cancellationToken);
        }
        var summaries = package.Variants.Select(v => new RungSummary(v.Rung.Name, v.Rung.Width, v.Rung.Height,
            scans[v.Rung.Name].FrameCount, scans[v.Rung.Name].Duration, v.Playlist.Segments.Count, v.Bandwidth,
            v.AverageBandwidth, v.Playlist.PlaylistFile)).ToList();
        return new TranscodeSummary(Path.GetFullPath(outputFolder), package.MasterPlaylist, probe, chunks.Count, chunks.Count * rungs.Count,
            summaries, package.Audio?.PlaylistFile, elapsedBefore + (DateTime.UtcNow - started)) { Thumbnails = set, ThumbnailFailure = failure };
    }

    /// <summary>
    /// The preview from the smallest rung at least twice the thumbnails' width (cheap to decode, sharp enough), the
    /// poster from the sharpest; a failure is answered, not thrown (the title plays without a preview).
    /// </summary>
    private async Task<(ThumbnailSet? Set, string? Failure)> ThumbnailsAsync(IReadOnlyList<(Rung Rung, string Path)> assembled, TimeSpan duration,
        ThumbnailOptions options, string outputFolder, CancellationToken ct)
    {
        await Task.Yield(); // the segmenting starts at once
        try
        {
            var bySize = assembled.OrderBy(a => a.Rung.Width * a.Rung.Height).ToList();
            var sampled = bySize.FirstOrDefault(a => a.Rung.Width >= 2 * options.ThumbWidth, bySize[^1]);
            var set = await new TitleThumbnails(_runner).WriteAsync((sampled.Path, sampled.Rung.Width, sampled.Rung.Height), bySize[^1].Path,
                duration, TimeSpan.FromSeconds(Gop.Seconds), options, outputFolder, ct);
            return (set, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (null, e.Message);
        }
        catch (OperationCanceledException)
        {
            return (null, "cancelled");
        }
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
