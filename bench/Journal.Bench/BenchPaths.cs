namespace MediaPlatform.Bench.Journal;

/// <summary>Where the node's HOCON (copied next to the binary) and the repository's scripts are.</summary>
public static class BenchPaths
{
    public static string ConfigDirectory => Path.Combine(AppContext.BaseDirectory, "config");

    /// <summary>The repository root: the first folder above the binary (or the working directory) holding Cluster.sln.</summary>
    public static string RepoRoot =>
        FindUpwards(AppContext.BaseDirectory) ?? FindUpwards(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("cannot find the repository root (Cluster.sln) above the bench binary");

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
                return dir.FullName;
        return null;
    }
}
