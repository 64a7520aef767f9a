using Akka.Configuration;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Upload limits, from <c>media-platform.titles</c>: <c>max-upload-size</c> (a source, default 2 GiB) and
/// <c>max-subtitle-size</c> (one subtitle file, default 512 KiB). Sizes take HOCON byte units (e.g. 64 KiB, 2 GiB).
/// </summary>
public sealed record TitleSettings(long MaxUploadBytes, long MaxSubtitleBytes)
{
    public const string Path = "media-platform.titles";
    public const long DefaultMaxUploadBytes = 2L * 1024 * 1024 * 1024;
    public const long DefaultMaxSubtitleBytes = 512 * 1024;

    public static TitleSettings From(Config root)
    {
        var upload = Size(root, "max-upload-size", DefaultMaxUploadBytes);
        var subtitles = Size(root, "max-subtitle-size", DefaultMaxSubtitleBytes);
        return new TitleSettings(upload, subtitles);
    }

    private static long Size(Config root, string key, long fallback)
    {
        var path = $"{Path}.{key}";
        long? value;
        try { value = root.HasPath(path) ? root.GetByteSize(path) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a size like 64 KiB or 2 GiB: {e.Message}"); }
        return value is > 0 ? value.Value : throw new ConfigurationException($"{path} must be a positive size like 64 KiB or 2 GiB");
    }
}
