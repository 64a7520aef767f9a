using Akka.Configuration;

namespace MediaPlatform.Actors.Configuration;

/// <summary>
/// Reads one setting of the node's HOCON with its default and its allowed range: a value of the wrong kind or out of
/// range is a <see cref="ConfigurationException"/> naming the setting, which the node turns into one <c>error:</c> line
/// and exit 2 at start-up. Shared by the areas' settings records so each only says which keys, defaults and ranges.
/// </summary>
public static class BoundedSetting
{
    public static TimeSpan Duration(Config root, string path, TimeSpan fallback, TimeSpan min, TimeSpan max)
    {
        TimeSpan value;
        try { value = root.HasPath(path) ? root.GetTimeSpan(path, fallback, allowInfinite: false) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a duration like 10s: {e.Message}"); }
        return value >= min && value <= max ? value : throw new ConfigurationException($"{path} must be between {min} and {max}");
    }

    public static long Long(Config root, string path, long fallback, long min, long max)
    {
        long value;
        try { value = root.HasPath(path) ? root.GetLong(path) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a whole number: {e.Message}"); }
        return value >= min && value <= max ? value : throw new ConfigurationException($"{path} must be between {min} and {max}");
    }

    public static int Int(Config root, string path, int fallback, int min, int max) => (int)Long(root, path, fallback, min, max);

    public static double Number(Config root, string path, double fallback, double min, double max)
    {
        double value;
        try { value = root.HasPath(path) ? root.GetDouble(path) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a number: {e.Message}"); }
        return double.IsFinite(value) && value >= min && value <= max ? value : throw new ConfigurationException($"{path} must be between {min} and {max}");
    }

    /// <summary>A size in bytes (<c>10 MiB</c>); without <paramref name="max"/> only the lower bound applies.</summary>
    public static long Bytes(Config root, string path, long fallback, long min, long max = long.MaxValue)
    {
        long value;
        try { value = root.HasPath(path) ? root.GetByteSize(path) ?? fallback : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not a size like 10 MiB: {e.Message}"); }
        if (value >= min && value <= max) return value;
        throw new ConfigurationException(max == long.MaxValue ? $"{path} must be at least {min} bytes" : $"{path} must be between {min} and {max} bytes");
    }
}
