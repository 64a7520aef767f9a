using Akka.Configuration;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Quality;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// How an uploaded title is turned into HLS, from <c>media-platform.pipeline</c> (config/media-platform.hocon explains each):
/// whether an upload starts the transcode, chunk and segment lengths, the ladder, quality control's thresholds and how often a title's transcode is looked at.
/// </summary>
public sealed record PipelineSettings(
    bool StartOnUpload,
    int ChunkSeconds,
    int SegmentSeconds,
    TimeSpan StatusPollInterval,
    TimeSpan RetryBackoffMax,
    LadderPolicy Ladder,
    QcThresholds Quality)
{
    public const string Path = "media-platform.pipeline";

    /// <summary>The longest source a title may have (media-platform.quotas.source-duration); longer ones fail at probing.</summary>
    public TimeSpan MaxSourceDuration { get; init; } = Users.UserQuotas.Default.SourceDuration;

    /// <summary>How each published title's seek-bar preview and poster are sampled (<c>thumbnails</c>).</summary>
    public Streams.Thumbnails.ThumbnailOptions Thumbnails { get; init; } = Streams.Thumbnails.ThumbnailOptions.Default;

    public static PipelineSettings Default { get; } = From(Config.Empty);

    public static PipelineSettings From(Config root) => From(root, Users.UserQuotas.From(root));

    /// <param name="quotas">The node's quotas, already read (the longest source a title may have comes from them).</param>
    public static PipelineSettings From(Config root, Users.UserQuotas quotas)
    {
        var config = root.GetConfig(Path) ?? Config.Empty;
        var chunk = config.GetInt("chunk-seconds", 4);
        var segment = config.GetInt("segment-seconds", 4);
        if (chunk is < 2 or > 60) throw new ConfigurationException($"{Path}.chunk-seconds must be 2 to 60");
        if (segment is < 2 or > 12 || segment % 2 != 0)
            throw new ConfigurationException($"{Path}.segment-seconds must be an even number of seconds from 2 to 12 (keyframes are forced every 2 s)");
        var poll = config.GetTimeSpan("status-poll-interval", TimeSpan.FromSeconds(2));
        var backoff = config.GetTimeSpan("retry-backoff-max", TimeSpan.FromSeconds(30));
        if (poll <= TimeSpan.Zero || backoff <= TimeSpan.Zero)
            throw new ConfigurationException($"{Path}.status-poll-interval and retry-backoff-max must be positive");
        return new PipelineSettings(config.GetBoolean("start-on-upload", true), chunk, segment, poll, backoff, LadderFrom(config), QualityFrom(config.GetConfig("quality") ?? Config.Empty))
        {
            MaxSourceDuration = quotas.SourceDuration,
            Thumbnails = ThumbnailsFrom(config.GetConfig("thumbnails") ?? Config.Empty),
        };
    }

    private static Streams.Thumbnails.ThumbnailOptions ThumbnailsFrom(Config config)
    {
        var defaults = Streams.Thumbnails.ThumbnailOptions.Default;
        var interval = config.GetTimeSpan("interval", defaults.Interval);
        var scenes = config.GetInt("max-scene-frames", defaults.MaxSceneFrames);
        if (interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromMinutes(10))
            throw new ConfigurationException($"{Path}.thumbnails.interval must be 1s to 10m");
        if (scenes is < 0 or > 1000) throw new ConfigurationException($"{Path}.thumbnails.max-scene-frames must be 0 (none) to 1000");
        return defaults with { Interval = interval, MaxSceneFrames = scenes };
    }

    private static LadderPolicy LadderFrom(Config config)
    {
        if (!config.HasPath("ladder")) return LadderPolicy.Default;
        var rungs = new List<RungSpec>();
        foreach (var text in config.GetStringList("ladder"))
        {
            // "name short-side video-kbps", e.g. "720p 720 3000": one line per rung reads like the table it is.
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !int.TryParse(parts[1], out var side) || !int.TryParse(parts[2], out var kbps))
                throw new ConfigurationException($"{Path}.ladder: '{text}' is not \"name short-side video-kbps\" (e.g. \"720p 720 3000\")");
            rungs.Add(new RungSpec(parts[0], side, kbps));
        }
        try { return new LadderPolicy(rungs); }
        catch (ArgumentException e) { throw new ConfigurationException($"{Path}.ladder: {e.Message}"); }
    }

    private static QcThresholds QualityFrom(Config config)
    {
        var defaults = QcThresholds.Default;
        var block = config.GetString("block-publishing-at", "error").Trim().ToLowerInvariant();
        QcSeverity? blockAt = block switch
        {
            "off" or "never" => null,
            "error" => QcSeverity.Error,
            "warning" => QcSeverity.Warning,
            _ => throw new ConfigurationException($"{Path}.quality.block-publishing-at must be error, warning or off, not '{block}'"),
        };
        var thresholds = defaults with
        {
            BlockPublishingAt = blockAt,
            BlackWarningAfter = config.GetTimeSpan("black-warning-after", defaults.BlackWarningAfter),
            FreezeWarningAfter = config.GetTimeSpan("freeze-warning-after", defaults.FreezeWarningAfter),
            SilenceWarningAfter = config.GetTimeSpan("silence-warning-after", defaults.SilenceWarningAfter),
            StuckPixelSampleFrames = config.GetInt("stuck-pixel-sample-frames", defaults.StuckPixelSampleFrames),
        };
        if (thresholds.StuckPixelSampleFrames is < 0 or > 1000)
            throw new ConfigurationException($"{Path}.quality.stuck-pixel-sample-frames must be 0 (off) to 1000");
        return thresholds;
    }
}
