using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Work;

/// <summary>
/// The transcode work queue's knobs, from <c>media-platform.transcode</c> (config/media-platform.hocon explains each).
/// <see cref="MaxConcurrentJobs"/> bounds the ffmpeg encodes one node runs at once; <see cref="ThreadsPerJob"/> is set
/// so those jobs together use the node's cores without oversubscribing them (cores / jobs, at least 1).
/// </summary>
public sealed record TranscodeSettings(
    int MaxConcurrentJobs,
    int ThreadsPerJob,
    string Preset,
    int MaxAttempts,
    TimeSpan CheckInInterval,
    TimeSpan WorkTimeout,
    TimeSpan ReapInterval,
    bool LowerFfmpegPriority,
    string WorkerDispatcher)
{
    public const string Path = "media-platform.transcode";

    public static TranscodeSettings From(ActorSystem system) => From(system.Settings.Config.GetConfig(Path) ?? Config.Empty);

    /// <param name="cores">The node's cores (tests pass a fixed number); defaults come from it.</param>
    public static TranscodeSettings From(Config config, int? cores = null)
    {
        var available = Math.Max(1, cores ?? Environment.ProcessorCount);
        var jobs = config.GetInt("max-concurrent-jobs", 0);
        if (jobs < 0) throw new ConfigurationException($"{Path}.max-concurrent-jobs must be 0 (one per core) or more");
        if (jobs == 0) jobs = available;
        var threads = config.GetInt("threads-per-job", 0);
        if (threads is < 0 or > 64) throw new ConfigurationException($"{Path}.threads-per-job must be 0 (cores / jobs) to 64");
        if (threads == 0) threads = Math.Max(1, available / jobs);
        var settings = new TranscodeSettings(
            jobs,
            threads,
            config.GetString("preset", "veryfast"),
            config.GetInt("max-attempts", 3),
            config.GetTimeSpan("check-in-interval", TimeSpan.FromSeconds(2)),
            config.GetTimeSpan("work-timeout", TimeSpan.FromSeconds(30)),
            config.GetTimeSpan("reap-interval", TimeSpan.FromSeconds(5)),
            config.GetBoolean("lower-ffmpeg-priority", true),
            config.GetString("worker-dispatcher", ""));
        if (settings.MaxAttempts < 1) throw new ConfigurationException($"{Path}.max-attempts must be at least 1");
        if (settings.CheckInInterval <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.check-in-interval must be positive");
        if (settings.ReapInterval <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.reap-interval must be positive");
        // A worker that checks in on time must never look silent: leave room for two missed check-ins.
        if (settings.WorkTimeout < settings.CheckInInterval * 3)
            throw new ConfigurationException($"{Path}.work-timeout must be at least three check-in-intervals");
        try
        {
            new Streams.Encoding.EncoderSettings(settings.Preset, settings.ThreadsPerJob).Validate();
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{Path}.preset: {e.Message}");
        }
        return settings;
    }
}
