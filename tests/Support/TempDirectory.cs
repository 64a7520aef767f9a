namespace MediaPlatform.Testing;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory(string prefix = "test") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory($"mp-{prefix}-").FullName;

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder (a file still held open) must not turn a passing test red; the OS cleaner gets it.
        }
    }
}
