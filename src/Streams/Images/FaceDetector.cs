using OpenCvSharp;
using SkiaSharp;

namespace MediaPlatform.Streams.Images;

/// <summary>
/// The detect stage: OpenCV's classical Haar cascade for frontal faces (the file comes from Debian's opencv-data;
/// nothing is downloaded). Runs on a grey, histogram-equalised copy at most <see cref="DetectSide"/> pixels wide,
/// which is what the cascade needs and keeps big photos cheap; boxes are scaled back to the image's pixels.
/// A classifier is not safe to share between threads: one per detector, and callers use one detector per thread.
/// </summary>
public sealed class FaceDetector : IDisposable
{
    public const string DefaultCascadePath = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";
    private const int DetectSide = 640;
    private readonly CascadeClassifier _cascade;

    public FaceDetector(string cascadePath)
    {
        if (!File.Exists(cascadePath)) throw new FileNotFoundException($"face cascade {cascadePath} does not exist (Debian package opencv-data)", cascadePath);
        _cascade = new CascadeClassifier(cascadePath);
        if (_cascade.Empty()) throw new InvalidDataException($"{cascadePath} is not an OpenCV cascade");
    }

    /// <summary>True when the file exists and OpenCV loads it as a cascade: checked at start-up.</summary>
    public static string? ProblemWith(string cascadePath)
    {
        try
        {
            using var detector = new FaceDetector(cascadePath);
            return null;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or OpenCVException or TypeInitializationException or DllNotFoundException)
        {
            return e.Message;
        }
    }

    public IReadOnlyList<FaceBox> Detect(SKBitmap image)
    {
        var scale = Math.Min(1.0, DetectSide / (double)Math.Max(image.Width, image.Height));
        using var small = scale < 1.0
            ? image.Resize(new SKImageInfo(Math.Max(1, (int)(image.Width * scale)), Math.Max(1, (int)(image.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            : image.Copy(SKColorType.Rgba8888);
        using var rgba = Mat.FromPixelData(small.Height, small.Width, MatType.CV_8UC4, small.GetPixels(), small.RowBytes);
        using var grey = new Mat();
        Cv2.CvtColor(rgba, grey, ColorConversionCodes.RGBA2GRAY);
        Cv2.EqualizeHist(grey, grey);
        var minSide = Math.Max(24, Math.Min(small.Width, small.Height) / 12);
        var found = _cascade.DetectMultiScale(grey, 1.1, 5, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));
        return found
            .Select(r => new FaceBox((int)(r.X / scale), (int)(r.Y / scale), (int)(r.Width / scale), (int)(r.Height / scale)))
            .OrderByDescending(f => f.Width * f.Height)
            .ToList();
    }

    public void Dispose() => _cascade.Dispose();
}
