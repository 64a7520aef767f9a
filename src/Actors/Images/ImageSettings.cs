using Akka.Configuration;
using MediaPlatform.Actors.Configuration;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// The image pipeline's settings, read from <c>media-platform.images</c> (defaults when absent): upload and pixel
/// limits, the face cascade file, which kinds of image get their faces blurred, the served widths, and the work
/// queues' per-node concurrency, attempts, retry delay and job time-out; and how many of a published title's sampled
/// frames become image jobs (<see cref="MaxFramesPerTitle"/>, 0: none).
/// </summary>
public sealed record ImageSettings(
    long MaxUploadBytes,
    long MaxPixels,
    int MaxSide,
    string FaceCascade,
    IReadOnlySet<ImageKind> BlurFaces,
    IReadOnlyList<int> Widths,
    int MaxConcurrentJobsPerNode,
    int MaxAttempts,
    TimeSpan RetryDelay,
    TimeSpan JobTimeout)
{
    public const string Path = "media-platform.images";

    public static readonly ImageSettings Default = new(10L * 1024 * 1024, 40_000_000, 16_384,
        "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml", new HashSet<ImageKind> { ImageKind.Artwork },
        [160, 320, 640, 1280], 2, 3, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));

    /// <summary>At most this many of a published title's sampled frames go through the pipeline (spread evenly over the title).</summary>
    public int MaxFramesPerTitle { get; init; } = 40;

    public bool Blurs(ImageKind kind) => BlurFaces.Contains(kind);

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static ImageSettings From(Config root)
    {
        var cascade = Text(root, "face-cascade", Default.FaceCascade);
        if (!File.Exists(cascade))
            throw new ConfigurationException($"{Path}.face-cascade: {cascade} does not exist (install Debian's opencv-data)");
        // Loads it as OpenCV would at the first job: a file that is no cascade, or a native library that cannot load
        // (Debian's libgtk-3-0 missing), stops the node now rather than failing every image later.
        if (MediaPlatform.Streams.Images.FaceDetector.ProblemWith(cascade) is { } problem)
            throw new ConfigurationException($"{Path}.face-cascade: {problem}");
        return new ImageSettings(
            Bytes(root, "max-upload-bytes", Default.MaxUploadBytes, 1024, 1L << 30),
            Long(root, "max-pixels", Default.MaxPixels, 1, 500_000_000),
            Int(root, "max-side", Default.MaxSide, 16, 65_535),
            cascade,
            Kinds(root),
            ServedWidths(root),
            Int(root, "max-concurrent-jobs-per-node", Default.MaxConcurrentJobsPerNode, 1, 64),
            Int(root, "max-attempts", Default.MaxAttempts, 1, 20),
            Duration(root, "retry-delay", Default.RetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1)),
            Duration(root, "job-timeout", Default.JobTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)))
        {
            MaxFramesPerTitle = Int(root, "max-frames-per-title", Default.MaxFramesPerTitle, 0, 1000),
        };
    }

    private static IReadOnlySet<ImageKind> Kinds(Config root)
    {
        var path = $"{Path}.blur-faces";
        if (!root.HasPath(path)) return Default.BlurFaces;
        IList<string> names;
        try { names = root.GetStringList(path); }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} must be a list of kinds like [artwork, avatar]: {e.Message}"); }
        var kinds = new HashSet<ImageKind>();
        foreach (var name in names)
            kinds.Add(Enum.TryParse<ImageKind>(name, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind : throw new ConfigurationException($"{path}: '{name}' is not a kind of image (artwork, avatar, frame)"));
        return kinds;
    }

    private static IReadOnlyList<int> ServedWidths(Config root)
    {
        var path = $"{Path}.widths";
        if (!root.HasPath(path)) return Default.Widths;
        IList<int> widths;
        try { widths = root.GetIntList(path); }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} must be a list of widths like [160, 320]: {e.Message}"); }
        if (widths.Count == 0 || widths.Any(w => w is < 16 or > 8192))
            throw new ConfigurationException($"{path} must list 1 or more widths between 16 and 8192");
        return widths.Distinct().Order().ToList();
    }

    private static string Text(Config root, string key, string fallback)
    {
        var path = $"{Path}.{key}";
        var value = root.HasPath(path) ? root.GetString(path) : fallback;
        return string.IsNullOrWhiteSpace(value) ? throw new ConfigurationException($"{path} must not be empty") : value;
    }

    private static TimeSpan Duration(Config root, string key, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        BoundedSetting.Duration(root, $"{Path}.{key}", fallback, min, max);

    private static long Bytes(Config root, string key, long fallback, long min, long max) =>
        BoundedSetting.Bytes(root, $"{Path}.{key}", fallback, min, max);

    private static long Long(Config root, string key, long fallback, long min, long max) =>
        BoundedSetting.Long(root, $"{Path}.{key}", fallback, min, max);

    private static int Int(Config root, string key, int fallback, int min, int max) => (int)Long(root, key, fallback, min, max);
}
