using System.Runtime.CompilerServices;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// The checked-in stored JSON of each persisted manifest (Golden/&lt;manifest&gt;.json). Tests read the copies in the
/// output folder; with GOLDEN_UPDATE=1 a missing file is written into the source folder (an existing one never is:
/// a changed stored shape is a new manifest, not a new golden file).
/// </summary>
public static class GoldenSamples
{
    public const string UpdateVariable = "GOLDEN_UPDATE";

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, "Serialization", "Golden");

    public static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");

    public static string FileName(string manifest) => manifest + ".json";

    public static byte[]? TryRead(string manifest)
    {
        var path = Path.Combine(OutputFolder, FileName(manifest));
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Writes a missing sample into the source tree; returns where it went.</summary>
    public static string WriteMissing(string manifest, byte[] bytes)
    {
        var path = Path.Combine(SourceFolder(), FileName(manifest));
        if (File.Exists(path)) throw new InvalidOperationException($"{path} exists; golden samples are never overwritten");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static IEnumerable<string> ManifestsOnDisk() =>
        Directory.Exists(OutputFolder)
            ? Directory.EnumerateFiles(OutputFolder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!)
            : [];
}
