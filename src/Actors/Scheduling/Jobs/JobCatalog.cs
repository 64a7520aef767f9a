using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Streams;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Scheduling.Schedules;

namespace MediaPlatform.Actors.Scheduling.Jobs;

/// <summary>Where the jobs send their work: the shard regions of the entities they sweep.</summary>
public sealed record JobTargets(IActorRef BillingAccounts, IActorRef Coupons, IActorRef EmailReservations);

/// <summary>
/// Builds the recurring jobs from <c>media-platform.scheduler.jobs.&lt;name&gt;</c> (schedule, enabled,
/// items-per-second, and each job's own keys). A bad schedule fails the scheduler's start with a message naming it.
/// </summary>
public static class JobCatalog
{
    public static IReadOnlyList<IRecurringJob> Build(ActorSystem system, JobTargets targets, Func<ICurrentPersistenceIdsQuery> openJournal)
    {
        var ids = new JournalEntityIds(openJournal, system.Materializer());
        var jobs = new List<IRecurringJob>();
        if (Spec(system, BillingCycleJob.JobName, BillingCycleJob.Description) is { } billing)
            jobs.Add(new BillingCycleJob(billing, targets.BillingAccounts, ids, Dunning(system)));
        if (Spec(system, CouponExpiryJob.JobName, CouponExpiryJob.Description) is { } coupons)
            jobs.Add(new CouponExpiryJob(coupons, targets.Coupons, ids));
        if (Spec(system, EmailHoldSweepJob.JobName, EmailHoldSweepJob.Description) is { } emails)
            jobs.Add(new EmailHoldSweepJob(emails, targets.EmailReservations, ids));
        if (Spec(system, ScratchRetentionJob.JobName, ScratchRetentionJob.Description) is { } scratch)
            jobs.Add(new ScratchRetentionJob(scratch, system,
                SchedulerSettings.JobConfig(system, ScratchRetentionJob.JobName).GetTimeSpan("keep-for", TimeSpan.FromHours(24))));
        return jobs;
    }

    /// <summary><c>media-platform.billing.dunning.retry-after</c>: the waits before each retry of a declined renewal.</summary>
    public static DunningPolicy Dunning(ActorSystem system)
    {
        var texts = system.Settings.Config.GetStringList("media-platform.billing.dunning.retry-after", []);
        return new DunningPolicy(texts.Select(ScheduleText.ParseDuration).ToList());
    }

    private static JobSpec? Spec(ActorSystem system, string name, string description)
    {
        var config = SchedulerSettings.JobConfig(system, name);
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
