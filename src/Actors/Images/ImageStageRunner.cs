using System.Collections.Concurrent;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Images;
using SkiaSharp;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Runs one stage of one image: reads its input blob, calls the stage (src/Streams/Images), writes what it makes
/// (the normalised image, the blurred one, the variants) and answers what the image entity records. Writing the same
/// blobs again is harmless, so a rerun of a job whose result was lost is safe. Thread-safe: face detectors (not
/// shareable between threads) are pooled.
/// </summary>
public sealed class ImageStageRunner(IBlobStore store, ImageSettings settings) : IDisposable
{
    private readonly ConcurrentBag<FaceDetector> _detectors = new();
    private readonly ImageLimits _limits = new(settings.MaxPixels, settings.MaxSide);

    public async Task<ImageStageRun> RunAsync(ImageJob job, CancellationToken ct)
    {
        var input = await ReadAsync(job.InputKey, ct);
        if (job.Stage == ImageStage.Decode) return await DecodeAsync(job, input, ct);
        using var image = Assert(ImageDecoder.Decode(input, _limits), job);
        switch (job.Stage)
        {
            case ImageStage.Detect:
                var faces = Detect(image);
                return Ok(new ImageStageResult(Faces: faces.Select(f => new StoredFace(f.X, f.Y, f.Width, f.Height)).ToList()));
            case ImageStage.Blur:
                using (var blurred = FaceBlur.Apply(image, job.Faces.Select(f => new FaceBox(f.X, f.Y, f.Width, f.Height)).ToList()))
                    await WriteAsync(ImageBlobKeys.Blurred(job.ImageId), ImageResizer.Png(blurred), ct);
                return Ok(new ImageStageResult(BlurredFaces: job.Faces.Count));
            case ImageStage.Resize:
                var stored = new List<StoredImageVariant>();
                foreach (var variant in ImageResizer.Variants(image, settings.Widths))
                {
                    await WriteAsync(ImageBlobKeys.Variant(job.ImageId, variant.Name), variant.Bytes, ct);
                    stored.Add(new StoredImageVariant(variant.Name, variant.Width, variant.Height, variant.ContentType, variant.Bytes.Length));
                }
                return Ok(new ImageStageResult(Variants: stored));
            case ImageStage.Tag:
                var tags = ImageTagger.Tag(image);
                return Ok(new ImageStageResult(Tags: new StoredImageTags(tags.DominantColours, tags.Brightness, tags.Contrast, tags.EdgeDensity,
                    tags.MostlyText, tags.Hash.ToString("x16"))));
            default:
                throw new ArgumentOutOfRangeException(nameof(job), job.Stage, "unknown stage");
        }
    }

    private async Task<ImageStageRun> DecodeAsync(ImageJob job, byte[] source, CancellationToken ct)
    {
        switch (ImageDecoder.Decode(source, _limits))
        {
            case DecodeOutcome.Refused refused:
                return new ImageStageRun.Refused(refused.Reason);
            case DecodeOutcome.Decoded decoded:
                using (decoded.Bitmap)
                    await WriteAsync(ImageBlobKeys.Normalised(job.ImageId), ImageResizer.Png(decoded.Bitmap), ct);
                return Ok(new ImageStageResult(decoded.Width, decoded.Height, decoded.Format));
            default:
                throw new InvalidOperationException("unknown decode outcome");
        }
    }

    private IReadOnlyList<FaceBox> Detect(SKBitmap image)
    {
        var detector = _detectors.TryTake(out var pooled) ? pooled : new FaceDetector(settings.FaceCascade);
        try { return detector.Detect(image); }
        finally { _detectors.Add(detector); }
    }

    /// <summary>The normalised image was decoded once already: failing now means the blob is damaged (retried).</summary>
    private static SKBitmap Assert(DecodeOutcome outcome, ImageJob job) => outcome is DecodeOutcome.Decoded decoded
        ? decoded.Bitmap
        : throw new InvalidDataException($"{job.InputKey} could not be read back: {((DecodeOutcome.Refused)outcome).Reason}");

    private async Task<byte[]> ReadAsync(string key, CancellationToken ct)
    {
        await using var stream = await store.OpenReadAsync(key, cancellationToken: ct)
                                 ?? throw new FileNotFoundException($"{key} is not in the blob store");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private async Task WriteAsync(string key, byte[] bytes, CancellationToken ct)
    {
        using var content = new MemoryStream(bytes, writable: false);
        await store.WriteAsync(key, content, cancellationToken: ct);
    }

    private static ImageStageRun Ok(ImageStageResult result) => new ImageStageRun.Succeeded(result);

    public void Dispose()
    {
        while (_detectors.TryTake(out var detector)) detector.Dispose();
    }
}
