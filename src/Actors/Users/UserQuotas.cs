using Akka.Configuration;

namespace MediaPlatform.Actors.Users;

/// <summary>
/// What one user may make the cluster hold or do, from <c>media-platform.quotas</c> (config/media-platform.hocon), validated at
/// start-up: stored source bytes, titles transcoding at once, source length per title, friends and open (pending
/// outgoing) friend requests. Each limit is decided by the entity that owns the data, so concurrent requests cannot
/// overshoot it; every refusal names the setting and its value.
/// </summary>
public sealed record UserQuotas(long StoredSourceBytes, int TranscodingTitles, TimeSpan SourceDuration, int Friends, int OpenFriendRequests)
{
    public const string Path = "media-platform.quotas";

    public static UserQuotas Default { get; } = new(20L * 1024 * 1024 * 1024, 3, TimeSpan.FromHours(4), 1000, 100);

    public static UserQuotas From(Config root)
    {
        var config = root.GetConfig(Path) ?? Config.Empty;
        return new UserQuotas(
            Bytes(config, "stored-source-bytes", Default.StoredSourceBytes),
            Count(config, "transcoding-titles", Default.TranscodingTitles),
            Duration(config, "source-duration", Default.SourceDuration),
            Count(config, "friends", Default.Friends),
            Count(config, "open-friend-requests", Default.OpenFriendRequests));
    }

    /// <summary>The setting's full name, for messages: "media-platform.quotas.friends".</summary>
    public static string Key(string name) => $"{Path}.{name}";

    private static long Bytes(Config config, string key, long fallback)
    {
        long? value;
        try { value = config.HasPath(key) ? config.GetByteSize(key) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{Key(key)} is not a size like 500 MiB or 20 GiB: {e.Message}"); }
        return value is > 0 ? value.Value : throw new ConfigurationException($"{Key(key)} must be a positive size like 500 MiB or 20 GiB");
    }

    private static int Count(Config config, string key, int fallback)
    {
        int value;
        try { value = config.HasPath(key) ? config.GetInt(key) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{Key(key)} is not a whole number: {e.Message}"); }
        return value > 0 ? value : throw new ConfigurationException($"{Key(key)} must be a positive whole number");
    }

    private static TimeSpan Duration(Config config, string key, TimeSpan fallback)
    {
        TimeSpan value;
        try { value = config.HasPath(key) ? config.GetTimeSpan(key, fallback, allowInfinite: false) : fallback; }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{Key(key)} is not a duration like 90m or 4h: {e.Message}"); }
        return value > TimeSpan.Zero ? value : throw new ConfigurationException($"{Key(key)} must be a positive duration like 90m or 4h");
    }
}
