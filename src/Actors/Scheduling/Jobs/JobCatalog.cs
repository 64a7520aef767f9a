using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Streams;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>Where the jobs send their work: the shard regions of the entities they sweep.</summary>
public sealed record JobTargets(IActorRef BillingAccounts, IActorRef Coupons, IActorRef EmailReservations, IActorRef TranscodeCoordinator);

/// <summary>
/// Builds the recurring jobs from <c>media-platform.scheduler.jobs.&lt;name&gt;</c> (schedule, enabled,
/// items-per-second, and each job's own keys). A bad schedule fails the scheduler's start with a message naming it.
/// </summary>
public static class JobCatalog
{
    public static IReadOnlyList<IRecurringJob> Build(ActorSystem system, JobTargets targets, Func<ICurrentPersistenceIdsQuery> openJournal)
    {
        var root = system.Settings.Config;
        var ids = new JournalEntityIds(openJournal, system.Materializer());
        var jobs = new List<IRecurringJob>();
        if (Spec(root, BillingCycleJob.JobName, BillingCycleJob.Description) is { } billing)
            jobs.Add(new BillingCycleJob(billing, targets.BillingAccounts, ids, Dunning(root)));
        if (Spec(root, CouponExpiryJob.JobName, CouponExpiryJob.Description) is { } coupons)
            jobs.Add(new CouponExpiryJob(coupons, targets.Coupons, ids));
        if (Spec(root, EmailHoldSweepJob.JobName, EmailHoldSweepJob.Description) is { } emails)
            jobs.Add(new EmailHoldSweepJob(emails, targets.EmailReservations, ids));
        if (Spec(root, ScratchRetentionJob.JobName, ScratchRetentionJob.Description) is { } scratch)
            jobs.Add(new ScratchRetentionJob(scratch, system, ScratchKeepFor(root)));
        if (Spec(root, TranscodeReaperJob.JobName, TranscodeReaperJob.Description) is { } reaper)
            jobs.Add(new TranscodeReaperJob(reaper, targets.TranscodeCoordinator));
        return jobs;
    }

    /// <summary>
    /// Checks every job's schedule and the dunning and retention settings without starting anything, so a bad value
    /// stops the node at start-up with one line naming the setting (the scheduler itself only starts on the oldest
    /// node, later). <see cref="SchedulerSettings"/> are read once by the node's settings, not here.
    /// </summary>
    public static void Validate(Config root)
    {
        foreach (var name in new[] { BillingCycleJob.JobName, CouponExpiryJob.JobName, EmailHoldSweepJob.JobName, ScratchRetentionJob.JobName, TranscodeReaperJob.JobName })
            Spec(root, name, "");
        Dunning(root);
        ScratchKeepFor(root);
    }

    /// <summary><c>media-platform.billing.dunning.retry-after</c>: the waits before each retry of a declined renewal.</summary>
    public static DunningPolicy Dunning(Config root)
    {
        const string path = "media-platform.billing.dunning.retry-after";
        try
        {
            return new DunningPolicy(root.GetStringList(path, []).Select(ScheduleText.ParseDuration).ToList());
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"{path}: {e.Message}");
        }
    }

    private static TimeSpan ScratchKeepFor(Config root) =>
        JobConfig(root, ScratchRetentionJob.JobName).GetTimeSpan("keep-for", TimeSpan.FromHours(24));

    private static Config JobConfig(Config root, string name) => root.GetConfig($"{SchedulerSettings.Path}.jobs.{name}") ?? Config.Empty;

    private static JobSpec? Spec(Config root, string name, string description)
    {
        var config = JobConfig(root, name);
        if (!config.GetBoolean("enabled", true)) return null;
        var text = config.GetString("schedule", null)
            ?? throw new ConfigurationException($"{SchedulerSettings.Path}.jobs.{name}.schedule is missing");
        try
        {
            return new JobSpec(name, description, ScheduleText.Parse(text), config.GetInt("items-per-second", 0));
        }
        catch (FormatException e)
        {
            throw new ConfigurationException($"{SchedulerSettings.Path}.jobs.{name}.schedule: {e.Message}");
        }
    }
}
