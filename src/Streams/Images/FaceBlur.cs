using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// The blur stage: a copy of the image with each face's rectangle blurred past recognition. The blur is drawn clipped
/// to the rectangle, so no pixel outside a face changes (the blur reads its neighbours but writes only inside).
/// </summary>
public static class FaceBlur
{
    public static SKBitmap Apply(SKBitmap image, IReadOnlyList<FaceBox> faces)
    {
        var blurred = image.Copy();
        if (faces.Count == 0) return blurred;
        using var canvas = new SKCanvas(blurred);
        using var source = SKImage.FromBitmap(image);
        foreach (var face in faces)
        {
            var rect = SKRect.Create(face.X, face.Y, face.Width, face.Height);
            // A sigma of a sixth of the face's size leaves no recognisable feature at any resolution.
            var sigma = Math.Max(4f, Math.Max(face.Width, face.Height) / 6f);
            using var filter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp);
            using var paint = new SKPaint { ImageFilter = filter };
            canvas.Save();
            canvas.ClipRect(rect);
            canvas.DrawImage(source, 0, 0, SKSamplingOptions.Default, paint);
            canvas.Restore();
        }
        canvas.Flush();
        return blurred;
    }
}
