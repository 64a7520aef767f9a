using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;
using MediaPlatform.Streams.Thumbnails;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Turns encoded chunks into the title's HLS package: each rung cut from exactly one encode per chunk (stream copy, in
/// chunk order) with the audio under a master playlist, all in one ffmpeg (<see cref="TitlePackager"/>); then each
/// rung's segments, as a player joins them, are checked to hold every frame of the source (<see cref="Mp4VideoSamples"/>,
/// no process); plus the title's seek-bar preview and poster (<see cref="TitleThumbnails"/>), made from the rungs' chunks
/// while the rungs are cut. The check is what makes a chunk encoded twice — or missing — fail loudly instead of playing
/// wrong. The preview never fails the package: when it cannot be made the summary says why
/// (<see cref="TranscodeSummary.ThumbnailFailure"/>) and the poster is grabbed a tenth of the way in instead.
/// </summary>
public sealed class RenditionPackaging(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    public async Task<TranscodeSummary> PackageAsync(ProbeResult probe, IReadOnlyList<Rung> rungs, IReadOnlyList<VideoChunk> chunks,
        IReadOnlyList<ChunkEncodeResult> results, AudioTrack? audio, string outputFolder, int segmentSeconds,
        TimeSpan elapsedBefore, CancellationToken cancellationToken = default, ThumbnailOptions? thumbnails = null)
    {
        var started = DateTime.UtcNow;
        var encodes = rungs.Select(r => (Rung: r, Encodes: OnePerChunk(r, chunks, results))).ToList();

        // The preview decodes while the rungs are cut (stream copies): it adds little to the package step.
        using var stopPreview = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var preview = ThumbnailsAsync(encodes, probe.Duration, thumbnails ?? ThumbnailOptions.Default, outputFolder, stopPreview.Token);
        HlsPackage package;
        try
        {
            using (StreamsTracing.Source.StartActivity("package"))
                package = await new TitlePackager(_runner).PackageAsync(
                    encodes.Select(e => (e.Rung, (IReadOnlyList<string>)e.Encodes.Select(c => c.OutputPath).ToList())).ToList(),
                    audio, outputFolder, probe.FrameRate, segmentSeconds, cancellationToken);
        }
        catch
        {
            await stopPreview.CancelAsync(); // no ffmpeg of a failed package keeps writing into its folder
            await preview;
            throw;
        }
        var (set, failure) = await preview;

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

        if (set is null)
        {
            // The poster is part of the package: stored and published with it, from the sharpest rung's chunk at its moment.
            var sharpest = encodes.MaxBy(e => e.Rung.Width * e.Rung.Height);
            var at = PosterFrame.At(probe.Duration);
            var chunk = chunks.OrderBy(c => c.Index).LastOrDefault(c => c.Start <= at) ?? chunks.MinBy(c => c.Index)!;
            var posterAt = at - chunk.Start is var into && into > TimeSpan.Zero && into < chunk.Duration ? into : TimeSpan.Zero;
            await new PosterFrame(_runner).GrabAtAsync(sharpest.Encodes.First(e => e.ChunkIndex == chunk.Index).OutputPath, posterAt, outputFolder, cancellationToken);
        }
        var summaries = package.Variants.Select(v => new RungSummary(v.Rung.Name, v.Rung.Width, v.Rung.Height,
            counted[v.Rung.Name].Frames, counted[v.Rung.Name].Duration, v.Playlist.Segments.Count, v.Bandwidth,
            v.AverageBandwidth, v.Playlist.PlaylistFile)).ToList();
        return new TranscodeSummary(Path.GetFullPath(outputFolder), package.MasterPlaylist, probe, chunks.Count, chunks.Count * rungs.Count,
            summaries, package.Audio?.PlaylistFile, elapsedBefore + (DateTime.UtcNow - started)) { Thumbnails = set, ThumbnailFailure = failure };
    }

    /// <summary>
    /// The preview from the smallest rung at least twice the thumbnails' width (cheap to decode, sharp enough), the
    /// poster from the sharpest; each rung read from its chunks through a <see cref="ChunkConcatList"/> in a folder of
    /// its own (never the package folder, which is published). A failure is answered, not thrown (the title plays
    /// without a preview).
    /// </summary>
    private async Task<(ThumbnailSet? Set, string? Failure)> ThumbnailsAsync(IReadOnlyList<(Rung Rung, IReadOnlyList<ChunkEncodeResult> Encodes)> rungs,
        TimeSpan duration, ThumbnailOptions options, string outputFolder, CancellationToken ct)
    {
        await Task.Yield(); // the cutting starts at once
        DirectoryInfo? lists = null;
        try
        {
            lists = Directory.CreateTempSubdirectory("thumbnail-lists-");
            string ListOf((Rung Rung, IReadOnlyList<ChunkEncodeResult> Encodes) r) =>
                ChunkConcatList.Write(r.Encodes.Select(e => e.OutputPath), Path.Combine(lists.FullName, r.Rung.Name + ChunkConcatList.Extension));
            var bySize = rungs.OrderBy(r => r.Rung.Width * r.Rung.Height).ToList();
            var sampled = bySize.FirstOrDefault(r => r.Rung.Width >= 2 * options.ThumbWidth, bySize[^1]);
            var set = await new TitleThumbnails(_runner).WriteAsync((ListOf(sampled), sampled.Rung.Width, sampled.Rung.Height), ListOf(bySize[^1]),
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
        finally
        {
            try { lists?.Delete(recursive: true); } catch (IOException) { } // a temp folder left behind is harmless
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
