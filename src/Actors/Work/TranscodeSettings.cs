using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The transcode work queue's knobs, from <c>media-platform.transcode</c> (config/media-platform.hocon explains each).
/// <see cref="MaxConcurrentEncodes"/> bounds the ffmpeg encodes one node runs at once; <see cref="ThreadsPerEncode"/> is set
/// so those encodes together use the node's cores without oversubscribing them (cores / encodes, at least 1).
/// The keys were called <c>max-concurrent-jobs</c> and <c>threads-per-job</c>; those names are still read when the new ones are absent.
/// </summary>
public sealed record TranscodeSettings(
    int MaxConcurrentEncodes,
    int ThreadsPerEncode,
    string Preset,
    int MaxAttempts,
    TimeSpan CheckInInterval,
    TimeSpan WorkTimeout,
    TimeSpan ReapInterval,
    bool LowerFfmpegPriority,
    string WorkerDispatcher)
{
    /// <summary>
    /// Items a worker holds queued per encode slot beyond those it runs, so a slot that finishes starts its next
    /// encode at once instead of waiting a round trip to the coordinator (<c>look-ahead</c>, 0 to 4).
    /// </summary>
    public int LookAhead { get; init; } = 1;

    /// <summary>
    /// Heavy local steps of title pipelines — prepare (split, audio), quality control, packaging — one node runs at
    /// once, over all its titles (<c>max-concurrent-local-steps</c>; 0 = half the cores, at least 1). See <see cref="LocalSteps"/>.
    /// </summary>
    public int MaxConcurrentLocalSteps { get; init; } = 1;

    /// <summary>
    /// An encode may run <see cref="EncodeTimeoutFactor"/> × its chunk's seconds + <see cref="EncodeTimeoutFloor"/>
    /// (<c>encode-timeout-factor</c>, <c>encode-timeout-floor</c>); past that its ffmpeg is killed and the attempt fails
    /// like any ffmpeg failure (retried up to max-attempts). A hung ffmpeg otherwise holds its slot for ever: the worker
    /// keeps reporting it running, so the coordinator never reaps it.
    /// </summary>
    public double EncodeTimeoutFactor { get; init; } = 30;

    public TimeSpan EncodeTimeoutFloor { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan EncodeTimeoutFor(TimeSpan chunk) => EncodeTimeoutFloor + TimeSpan.FromSeconds(EncodeTimeoutFactor * Math.Max(0, chunk.TotalSeconds));

    /// <summary>Items a worker takes at once: its slots and their look-ahead.</summary>
    public int WorkerCapacity => MaxConcurrentEncodes * (1 + LookAhead);

    public const string Path = "media-platform.transcode";

    public static TranscodeSettings From(ActorSystem system) => From(system.Settings.Config.GetConfig(Path) ?? Config.Empty);

    /// <param name="cores">The node's cores (tests pass a fixed number); defaults come from it.</param>
    public static TranscodeSettings From(Config config, int? cores = null)
    {
        var available = Math.Max(1, cores ?? Environment.ProcessorCount);
        var encodes = IntOrDeprecated(config, "max-concurrent-encodes", "max-concurrent-jobs");
        if (encodes < 0) throw new ConfigurationException($"{Path}.max-concurrent-encodes must be 0 (one per core) or more");
        if (encodes == 0) encodes = available;
        var threads = IntOrDeprecated(config, "threads-per-encode", "threads-per-job");
        if (threads is < 0 or > 64) throw new ConfigurationException($"{Path}.threads-per-encode must be 0 (cores / encodes) to 64");
        if (threads == 0) threads = Math.Max(1, available / encodes);
        var settings = new TranscodeSettings(
            encodes,
            threads,
            config.GetString("preset", "veryfast"),
            config.GetInt("max-attempts", 3),
            config.GetTimeSpan("check-in-interval", TimeSpan.FromSeconds(2)),
            config.GetTimeSpan("work-timeout", TimeSpan.FromSeconds(30)),
            config.GetTimeSpan("reap-interval", TimeSpan.FromSeconds(5)),
            config.GetBoolean("lower-ffmpeg-priority", true),
            config.GetString("worker-dispatcher", ""))
        {
            LookAhead = config.GetInt("look-ahead", 1),
            MaxConcurrentLocalSteps = config.GetInt("max-concurrent-local-steps", 0),
            EncodeTimeoutFactor = config.GetDouble("encode-timeout-factor", 30),
            EncodeTimeoutFloor = config.GetTimeSpan("encode-timeout-floor", TimeSpan.FromSeconds(60), allowInfinite: false),
        };
        if (settings.EncodeTimeoutFactor is < 0 or > 1000 || double.IsNaN(settings.EncodeTimeoutFactor))
            throw new ConfigurationException($"{Path}.encode-timeout-factor must be 0 to 1000 (times the chunk's duration)");
        if (settings.EncodeTimeoutFloor < TimeSpan.FromMilliseconds(100) || settings.EncodeTimeoutFloor > TimeSpan.FromHours(6))
            throw new ConfigurationException($"{Path}.encode-timeout-floor must be 100ms to 6h");
        if (settings.MaxConcurrentLocalSteps is < 0 or > 64)
            throw new ConfigurationException($"{Path}.max-concurrent-local-steps must be 0 (half the cores) to 64");
        if (settings.MaxConcurrentLocalSteps == 0) settings = settings with { MaxConcurrentLocalSteps = Math.Max(1, available / 2) };
        if (settings.LookAhead is < 0 or > 4) throw new ConfigurationException($"{Path}.look-ahead must be 0 to 4");
        if (settings.MaxAttempts < 1) throw new ConfigurationException($"{Path}.max-attempts must be at least 1");
        if (settings.CheckInInterval <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.check-in-interval must be positive");
        if (settings.ReapInterval <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.reap-interval must be positive");
        // A worker that checks in on time must never look silent: leave room for two missed check-ins.
        if (settings.WorkTimeout < settings.CheckInInterval * 3)
            throw new ConfigurationException($"{Path}.work-timeout must be at least three check-in-intervals");
        try
        {
            new Streams.Encoding.EncoderSettings(settings.Preset, settings.ThreadsPerEncode).Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{Path}.preset: {e.Message}");
        }
        return settings;
    }

    /// <summary>The key, or its deprecated name when the key is left at its default 0 (and 0 when neither is set).</summary>
    private static int IntOrDeprecated(Config config, string key, string deprecated) =>
        config.GetInt(key, 0) is var value && value == 0 && config.HasPath(deprecated) ? config.GetInt(deprecated, 0) : value;
}
