using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// /api/parties: everything about watch parties that is not real-time (the hub at /hubs/party is). Every route needs
/// a signed-in user and acts as that user; the party entity decides who may do what (members see a party, the host
/// ends it, only accepted friends are invited), and refusals are ProblemDetails.
/// </summary>
public static class PartyRoutes
{
    public static IEndpointRouteBuilder MapPartyRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/api/parties").RequireAuthorization().WithTags("parties");

        routes.MapPost("/", CreateAsync)
            // Creating a party stores an entity, like creating a title: the same per-address limit.
            .RequireRateLimiting(RateLimitPolicies.Titles)
            .WithSummary("Open a watch party of a published title, or of the caller's live stream on air; the caller hosts it (404 unknown, 409 not published or not on air)");

        routes.MapGet("/", async (ClaimsPrincipal caller, PartyMembership membership, CancellationToken ct) =>
                await membership.ListAsync(Caller(caller), ct) is { } list
                    ? Results.Ok(new PartyListResponse(list.Parties, list.Invites))
                    : ApiProblems.From(new Rejection(RejectionKind.Unavailable, "your party list did not answer in time; it is safe to retry")))
            .WithSummary("The parties the caller is in and the open invites they have");

        routes.MapGet("/{partyId}", (string partyId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Parties> parties, CancellationToken ct) =>
                ApiInput.Id("party id", partyId) is { } bad ? Task.FromResult(bad)
                    : parties.ActorRef.AskAsync<PartyView>(new GetParty(partyId, Caller(caller)), ct, Results.Ok))
            .WithSummary("One party as its members see it (members only)");

        routes.MapPost("/{partyId}/invites", async (string partyId, InviteRequest body, ClaimsPrincipal caller, PartyMembership membership, CancellationToken ct) =>
                ApiInput.Id("party id", partyId) ?? ApiInput.Id("user id", body.UserId ?? "")
                ?? Answer(await membership.InviteAsync(partyId, Caller(caller), body.UserId!, ct), Results.Ok))
            .WithSummary("Invite an accepted friend (the host, or any member when everyone controls); the invite expires");

        routes.MapPost("/{partyId}/join", async (string partyId, ClaimsPrincipal caller, PartyMembership membership, CancellationToken ct) =>
                ApiInput.Id("party id", partyId) ?? Answer(await membership.JoinAsync(partyId, Caller(caller), ct), Results.Ok))
            .WithSummary("Accept an open invite from a friend");

        routes.MapPost("/{partyId}/leave", async (string partyId, ClaimsPrincipal caller, PartyMembership membership, CancellationToken ct) =>
                ApiInput.Id("party id", partyId) ?? Answer(await membership.LeaveAsync(partyId, Caller(caller), ct), Results.Ok))
            .WithSummary("Leave a party; a leaving host hands it to the longest-standing member, the last one out ends it");

        routes.MapDelete("/{partyId}", (string partyId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Parties> parties, CancellationToken ct) =>
                ApiInput.Id("party id", partyId) is { } bad ? Task.FromResult(bad)
                    : parties.ActorRef.AskAsync<PartyView>(new EndParty(partyId, Caller(caller)), ct, Results.Ok))
            .WithSummary("End the party (host only)");

        return app;
    }

    private static async Task<IResult> CreateAsync(CreatePartyRequest body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Titles> titles,
        PartyMembership membership, IRequiredActor<EntityRegions.PartyIndexes> indexes, NodeSettings settings, Live.LiveViewers live, CancellationToken ct)
    {
        if (body.StreamId is not null) return await Live.LiveParties.CreateAsync(body, Caller(caller), live, membership, indexes.ActorRef, settings, ct);
        if (ApiInput.Id("title id", body.TitleId ?? "") is { } bad) return bad;
        var title = await titles.ActorRef.AskEntityAsync<TitleView>(new GetTitle(body.TitleId!), ct);
        if (title.Rejection is { } refused) return ApiProblems.From(refused); // 404 for a title that does not exist
        var host = Caller(caller);
        var partyId = "p-" + Guid.NewGuid().ToString("N");
        var created = await membership.Parties.AskEntityAsync<PartyView>(new CreateParty(partyId, host, PartyMedia.Title(body.TitleId!),
            title.Reply!.Status == TitleStatus.Published, body.Control ?? PartyControl.HostOnly, settings.Parties.IdleEndAfter), ct);
        if (created.Reply is not { } view) return ApiProblems.From(created.Rejection!);
        await indexes.ActorRef.AskEntityAsync<PartyIndexView>(new IndexParty(host, partyId), ct);
        return Results.Created($"/api/parties/{partyId}", view);
    }

    private static IResult Answer(EntityAnswer<PartyView> answer, Func<PartyView, IResult> ok) =>
        answer.Reply is { } view ? ok(view) : ApiProblems.From(answer.Rejection!);

    private static string Caller(ClaimsPrincipal caller) => caller.CallerId() ?? throw new InvalidOperationException("an authorized caller has an id");
}
