using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Scheduling;

/// <summary>
/// A recurring job's name, what it does, and when it runs (from <c>media-platform.scheduler.jobs</c>).
/// <see cref="ItemsPerSecond"/> (0 = no limit) spreads a run out, e.g. to spare the payment gateway.
/// </summary>
public sealed record JobSpec(string Name, string Description, Schedule Schedule, int ItemsPerSecond = 0);
