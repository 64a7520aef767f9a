using Akka.Hosting;
using MediaPlatform.Actors.Scheduling;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Management;

/// <summary>
/// The recurring scheduler over HTTP, on every node (through the singleton's proxy): GET /scheduler/jobs and
/// /scheduler/jobs/{job} show each job's schedule, next run, the run in progress and the latest runs;
/// POST …/trigger, …/pause and …/resume steer it and need the admin token.
/// </summary>
public static class SchedulerRoutes
{
    public static IEndpointRouteBuilder MapSchedulerRoutes(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/scheduler/jobs").WithTags("scheduler");
        jobs.MapGet("/", (IRequiredActor<EntityRegions.SchedulerProxy> scheduler, CancellationToken ct) =>
            scheduler.ActorRef.AskAsync<ScheduledJobsView>(new GetScheduledJobs(), ct, Results.Ok)).WithName("GetScheduledJobs");
        jobs.MapGet("/{job}", (string job, IRequiredActor<EntityRegions.SchedulerProxy> scheduler, CancellationToken ct) =>
            scheduler.ActorRef.AskAsync<ScheduledJobView>(new GetScheduledJob(job), ct, Results.Ok)).WithName("GetScheduledJob");

        var admin = jobs.MapGroup("/{job}").RequireAuthorization(AuthHosting.AdminPolicy);
        admin.MapPost("/trigger", (string job, IRequiredActor<EntityRegions.SchedulerProxy> scheduler, CancellationToken ct) =>
            scheduler.ActorRef.AskAsync<JobRunAccepted>(new TriggerJob(job), ct,
                run => Results.Accepted($"/scheduler/jobs/{run.Job}", run))).WithName("TriggerScheduledJob");
        admin.MapPost("/pause", (string job, IRequiredActor<EntityRegions.SchedulerProxy> scheduler, CancellationToken ct) =>
            scheduler.ActorRef.AskAsync<ScheduledJobView>(new PauseJob(job), ct, Results.Ok)).WithName("PauseScheduledJob");
        admin.MapPost("/resume", (string job, IRequiredActor<EntityRegions.SchedulerProxy> scheduler, CancellationToken ct) =>
            scheduler.ActorRef.AskAsync<ScheduledJobView>(new ResumeJob(job), ct, Results.Ok)).WithName("ResumeScheduledJob");
        return app;
    }
}
