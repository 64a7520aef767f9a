using Akka.Configuration;

namespace MediaPlatform.Actors.Users.LoginGuards;

/// <summary>
/// When an account locks and for how long, from <c>media-platform.security.lockout</c>: after
/// <c>after-failures</c> consecutive wrong passwords (default 5) it locks for <c>first-lock</c> (1 min), and every
/// further failure once the lock has passed doubles the lock, up to <c>max-lock</c> (1 h). A success resets it.
/// </summary>
public sealed record LoginGuardPolicy(int LockAfterFailures, TimeSpan FirstLock, TimeSpan MaxLock)
{
    public const string Path = "media-platform.security.lockout";
    public static readonly LoginGuardPolicy Default = new(5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>How long the account locks after this many consecutive failures; zero below the threshold.</summary>
    public TimeSpan LockFor(int consecutiveFailures)
    {
        if (consecutiveFailures < LockAfterFailures) return TimeSpan.Zero;
        var doublings = Math.Min(consecutiveFailures - LockAfterFailures, 30);
        var ticks = Math.Min((double)FirstLock.Ticks * Math.Pow(2, doublings), MaxLock.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Reads and checks the settings; a bad value throws a ConfigurationException naming it.</summary>
    public static LoginGuardPolicy From(Config root)
    {
        var failures = Read(root, "after-failures", Default.LockAfterFailures, (c, p) => c.GetInt(p));
        var first = Read(root, "first-lock", Default.FirstLock, (c, p) => c.GetTimeSpan(p));
        var max = Read(root, "max-lock", Default.MaxLock, (c, p) => c.GetTimeSpan(p));
        if (failures < 1) throw new ConfigurationException($"{Path}.after-failures must be at least 1");
        if (first <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.first-lock must be a positive duration like 1m");
        if (max < first) throw new ConfigurationException($"{Path}.max-lock must be at least first-lock");
        return new LoginGuardPolicy(failures, first, max);
    }

    private static T Read<T>(Config root, string key, T fallback, Func<Config, string, T> get)
    {
        var path = $"{Path}.{key}";
        if (!root.HasPath(path)) return fallback;
        try { return get(root, path); }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{path} is not valid: {e.Message}"); }
    }
}
