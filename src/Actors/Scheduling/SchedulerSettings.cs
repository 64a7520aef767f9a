using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>How runs are carried out, from <c>media-platform.scheduler</c> (see config/media-platform.hocon for the meaning of each).</summary>
public sealed record SchedulerSettings(
    TimeSpan TickInterval,
    int ItemParallelism,
    TimeSpan ItemTimeout,
    int ItemAttempts,
    TimeSpan ItemRetryDelay,
    int CheckpointEvery,
    TimeSpan CheckpointInterval,
    TimeSpan RunnerRestartDelay)
{
    public const string Path = "media-platform.scheduler";

    public static SchedulerSettings From(ActorSystem system) => From(system.Settings.Config.GetConfig(Path) ?? Config.Empty);

    public static SchedulerSettings From(Config config)
    {
        var settings = new SchedulerSettings(
            config.GetTimeSpan("tick-interval", TimeSpan.FromSeconds(1)),
            config.GetInt("item-parallelism", 8),
            config.GetTimeSpan("item-timeout", TimeSpan.FromSeconds(15)),
            config.GetInt("item-attempts", 3),
            config.GetTimeSpan("item-retry-delay", TimeSpan.FromSeconds(1)),
            config.GetInt("checkpoint-every", 50),
            config.GetTimeSpan("checkpoint-interval", TimeSpan.FromSeconds(2)),
            config.GetTimeSpan("runner-restart-delay", TimeSpan.FromSeconds(5)));
        if (settings.TickInterval <= TimeSpan.Zero) throw new ConfigurationException($"{Path}.tick-interval must be positive");
        if (settings.ItemParallelism < 1) throw new ConfigurationException($"{Path}.item-parallelism must be at least 1");
        if (settings.ItemAttempts < 1) throw new ConfigurationException($"{Path}.item-attempts must be at least 1");
        if (settings.CheckpointEvery < 1) throw new ConfigurationException($"{Path}.checkpoint-every must be at least 1");
        return settings;
    }
}
