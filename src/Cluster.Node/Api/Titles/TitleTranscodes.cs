using System.Security.Claims;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>Starting a title's transcode: on upload (by default) or by its owner through POST /api/titles/{id}/transcode.</summary>
public static class TitleTranscodes
{
    /// <summary>
    /// True once the title's pipeline answered: from then on its shard remembers it, so the transcode carries on even
    /// if this node or the pipeline's node dies. Repeating it is harmless (the pipeline follows the title's status).
    /// </summary>
    public static async Task<bool> DriveAsync(IActorRef pipelines, string titleId, CancellationToken ct) =>
        (await pipelines.AskEntityAsync<DrivingTitle>(new DriveTitle(titleId), ct)).Reply is not null;

    public static async Task<IResult> StartAsync(string titleId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Titles> region,
        IRequiredActor<EntityRegions.Pipelines> pipelines, IRequiredActor<EntityRegions.UploadQuotas> quotas, UserQuotas limits, CancellationToken ct)
    {
        var (title, problem) = await TitleAccess.ForChangeAsync(region.ActorRef, titleId, caller, ct);
        if (problem is not null) return problem;
        if (title!.Status == TitleStatus.Created)
            return ApiProblems.From(Rejection.Conflict($"title {titleId} has no source yet; upload one with PUT /api/titles/{titleId}/source"));
        if (await new UploadQuotaGate(quotas.ActorRef, region.ActorRef, limits).TakeTranscodeSlotAsync(title.OwnerId, titleId, ct) is { } busy)
            return ApiProblems.From(busy);
        if (!await DriveAsync(pipelines.ActorRef, titleId, ct))
            return ApiProblems.From(new Rejection(RejectionKind.Unavailable, "the transcode could not be started now; it is safe to retry"));
        return Results.Accepted($"/api/titles/{titleId}", TitleResponse.From(title));
    }
}
