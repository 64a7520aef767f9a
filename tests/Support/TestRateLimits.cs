namespace MediaPlatform.Testing;

/// <summary>
/// Test nodes sign up and log in many users from 127.0.0.1, far beyond the shipped per-address limits; they run
/// with these raised limits, layered through --config (the test's own --config file, if any, is kept and wins).
/// Specs of the limits themselves start nodes with the shipped defaults.
/// </summary>
public static class TestRateLimits
{
    public const string RaisedHocon = """
        media-platform.security.rate-limits {
          sign-ups-per-address = 1000000
          logins-per-address = 1000000
          logins-per-email = 1000000
          uploads-per-address = 1000000
          titles-per-address = 1000000
        }
        """;

    /// <summary>The arguments with --config pointing at a file in <paramref name="directory"/>: the raised limits, then the given --config's text.</summary>
    public static string[] Raise(IReadOnlyList<string> args, string directory)
    {
        var list = args.ToList();
        var at = list.IndexOf("--config");
        var own = at >= 0 && at + 1 < list.Count ? File.ReadAllText(list[at + 1]) : "";
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "raised-rate-limits.hocon");
        File.WriteAllText(file, RaisedHocon + "\n" + own);
        if (at >= 0) list[at + 1] = file;
        else list.AddRange(["--config", file]);
        return [.. list];
    }
}
