using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Packaging;

namespace MediaPlatform.Streams.Thumbnails;

/// <summary>
/// A title's seek-bar preview and poster, from its renditions: samples frames from a small rendition
/// (<see cref="FrameSampler"/>), tiles them onto sprite sheets, grabs the chosen poster frame from the sharpest
/// rendition at full size (<see cref="PosterFrame"/>), and writes the WebVTT thumbnail track last, so a folder with a
/// track holds everything it names. Running it again rewrites the same files.
/// </summary>
public sealed class TitleThumbnails(FfmpegRunner? runner = null)
{
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <param name="sampled">The rendition to sample (a small one: thumbnails are small), with its picture size.</param>
    /// <param name="sharpest">The rendition the poster is grabbed from.</param>
    /// <param name="keyframeInterval">The renditions' keyframe spacing when it is known (ours: <see cref="Gop.Seconds"/>).</param>
    public async Task<ThumbnailSet> WriteAsync((string Path, int Width, int Height) sampled, string sharpest, TimeSpan duration,
        TimeSpan? keyframeInterval, ThumbnailOptions options, string outputFolder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputFolder);
        var samples = await new FrameSampler(_runner).SampleAsync(sampled.Path, sampled.Width, sampled.Height, duration, keyframeInterval, options, cancellationToken);
        // The sheets and the poster need only the samples: two ffmpeg at once, as this runs at the end of a title's package.
        var writing = new SpriteSheetWriter(_runner).WriteAsync(samples.Picks, samples.Width, samples.Height, options.SheetColumns,
            options.SheetRows, outputFolder, cancellationToken);
        var poster = new PosterFrame(_runner).GrabAtAsync(sharpest, samples.Poster.Time, outputFolder, cancellationToken);
        await Task.WhenAll(writing, poster);
        var sheets = await writing;
        var tiles = SpriteLayout.Tiles(samples.Picks.Select(p => p.Time).ToList(), duration, samples.Width, samples.Height,
            options.SheetColumns, options.SheetRows);
        var track = Path.Combine(outputFolder, ThumbnailTrack.FileName);
        var part = track + ".part";
        await File.WriteAllTextAsync(part, ThumbnailTrack.Write(tiles), cancellationToken);
        File.Move(part, track, overwrite: true);
        var scenes = samples.Picks.Count(p => p.SceneScore > options.SceneThreshold);
        return new ThumbnailSet(ThumbnailTrack.FileName, sheets, tiles, samples.Poster.Time, samples.Candidates, samples.KeyframesOnly, scenes);
    }
}
