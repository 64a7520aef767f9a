using System.Security.Claims;
using Akka.Hosting;
using Grpc.Core;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Grpc.V1;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace MediaPlatform.Node.Grpc;

/// <summary>
/// "May user U play title T?", one pair or a batch, decided by the rule the HLS routes enforce
/// (<see cref="PlaybackEntitlements.MayPlayAsync"/>: owner, subscriber, buyer with a paid purchase) and, unless a query
/// asks for a fresh answer, with what playback remembers on this node. Asking about any user needs the admin token
/// (the operator gives it to the services that call here); a user token may ask only about itself.
/// </summary>
[Authorize]
public sealed class EntitlementService(
    IRequiredActor<EntityRegions.Titles> titles, IRequiredActor<EntityRegions.BillingAccounts> accounts,
    PublishedTitles published, PlaybackEntitlements entitlements) : Entitlements.EntitlementsBase
{
    public override async Task<Entitlement> CheckEntitlement(EntitlementQuery request, ServerCallContext context)
    {
        var caller = context.GetHttpContext().User;
        Check(request, caller, index: null);
        var result = await DecideAsync(request, caller, context.CancellationToken);
        return result.Entitlement ?? throw GrpcInput.Failure(result.Error);
    }

    public override async Task<CheckEntitlementsReply> CheckEntitlements(CheckEntitlementsRequest request, ServerCallContext context)
    {
        GrpcInput.Batch("queries", request.Queries.Count);
        var caller = context.GetHttpContext().User;
        for (var i = 0; i < request.Queries.Count; i++) Check(request.Queries[i], caller, i);
        var reply = new CheckEntitlementsReply();
        reply.Results.AddRange(await BatchAnswers.AnswerAsync(request.Queries, (q, ct) => DecideAsync(q, caller, ct), context.CancellationToken));
        return reply;
    }

    private static void Check(EntitlementQuery query, ClaimsPrincipal caller, int? index)
    {
        var field = index is { } i ? $"queries[{i}]." : "";
        GrpcInput.Id(field + "user_id", query.UserId);
        GrpcInput.Id(field + "title_id", query.TitleId);
        if (!caller.MayActFor(query.UserId))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{field}user_id {query.UserId} is not you: a user token may ask only about itself; asking about any user needs the admin token"));
    }

    private async Task<EntitlementResult> DecideAsync(EntitlementQuery query, ClaimsPrincipal caller, CancellationToken ct)
    {
        var result = new EntitlementResult { UserId = query.UserId, TitleId = query.TitleId };
        var (package, ownerId, unavailable) = await published.PublishedAsync(titles.ActorRef, query.TitleId, ct);
        if (unavailable)
        {
            result.Error = GrpcInput.Error(StatusCode.Unavailable, $"title {query.TitleId} did not answer in time; it is safe to retry");
            return result;
        }
        if (package is null) return await UnpublishedAsync(result, caller, ct);

        var (mayPlay, reason) = await entitlements.MayPlayAsync(query.UserId, query.TitleId, ownerId!, accounts.ActorRef, query.Fresh, ct);
        if (mayPlay is null)
            result.Error = GrpcInput.Error(StatusCode.Unavailable, $"the billing account of {query.UserId} did not answer in time; it is safe to retry");
        else
            result.Entitlement = Answer(query, mayPlay.Value, reason);
        return result;
    }

    /// <summary>Not published: no one plays it yet; only its owner and admins learn that it exists (else NOT_FOUND).</summary>
    private async Task<EntitlementResult> UnpublishedAsync(EntitlementResult result, ClaimsPrincipal caller, CancellationToken ct)
    {
        var answer = await titles.ActorRef.AskEntityAsync<TitleView>(new GetTitle(result.TitleId), ct);
        if (answer.Rejection is { Kind: RejectionKind.Unavailable })
            result.Error = GrpcInput.Error(StatusCode.Unavailable, $"title {result.TitleId} did not answer in time; it is safe to retry");
        else if (answer.Reply is { } view && caller.MaySee(view))
            result.Entitlement = Answer(new EntitlementQuery { UserId = result.UserId, TitleId = result.TitleId }, false, $"title {result.TitleId} is not published yet");
        else
            result.Error = GrpcInput.Error(StatusCode.NotFound, $"title {result.TitleId} does not exist");
        return result;
    }

    private static Entitlement Answer(EntitlementQuery query, bool mayPlay, string reason) => new()
    {
        UserId = query.UserId,
        TitleId = query.TitleId,
        MayPlay = mayPlay,
        GrantedBy = mayPlay ? reason : "",
        Reason = mayPlay ? "" : reason,
    };
}
