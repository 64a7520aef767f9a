using System.Security.Claims;
using Akka.Hosting;
using Grpc.Core;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Grpc.V1;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Authorization;
using ProtoTitle = MediaPlatform.Node.Grpc.V1.Title;

namespace MediaPlatform.Node.Grpc;

/// <summary>
/// Title catalog lookups by id, one or a batch, for other services. The same asks and the same visibility as
/// GET /api/titles/{id}: published titles for every caller, unpublished ones only for their owner and admins (NOT_FOUND
/// for anyone else, as for a title that does not exist). Any valid bearer token may call.
/// </summary>
[Authorize]
public sealed class TitleCatalogService(IRequiredActor<EntityRegions.Titles> titles) : V1.TitleCatalog.TitleCatalogBase
{
    public override async Task<ProtoTitle> GetTitle(GetTitleRequest request, ServerCallContext context)
    {
        GrpcInput.Id("title_id", request.TitleId);
        var result = await LookUpAsync(request.TitleId, context.GetHttpContext().User, context.CancellationToken);
        return result.Title ?? throw GrpcInput.Failure(result.Error);
    }

    public override async Task<GetTitlesReply> GetTitles(GetTitlesRequest request, ServerCallContext context)
    {
        GrpcInput.Batch("title_ids", request.TitleIds.Count);
        for (var i = 0; i < request.TitleIds.Count; i++) GrpcInput.Id("title_ids", request.TitleIds[i], i);
        var caller = context.GetHttpContext().User;
        var reply = new GetTitlesReply();
        reply.Results.AddRange(await BatchAnswers.AnswerAsync(request.TitleIds, (id, ct) => LookUpAsync(id, caller, ct), context.CancellationToken));
        return reply;
    }

    private async Task<TitleResult> LookUpAsync(string titleId, ClaimsPrincipal caller, CancellationToken ct)
    {
        var answer = await titles.ActorRef.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        var result = new TitleResult { TitleId = titleId };
        if (answer.Reply is { } view && caller.MaySee(view)) result.Title = TitleMessages.From(view);
        else result.Error = answer.Rejection switch
        {
            { Kind: RejectionKind.Unavailable } r => GrpcInput.Error(StatusCode.Unavailable, $"title {titleId}: {r.Message}"),
            null or { Kind: RejectionKind.NotFound } => GrpcInput.Error(StatusCode.NotFound, $"title {titleId} does not exist"),
            var r => GrpcInput.Error(StatusCode.Internal, $"title {titleId}: {r.Message}"),
        };
        return result;
    }
}
