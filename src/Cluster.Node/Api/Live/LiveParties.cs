using Akka.Actor;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Api.Parties;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// A watch party on a live stream: only the stream's owner opens one, while the stream is on air, and it is always
/// host-only — so everyone invited is one of the owner's accepted friends (the party's own invite rule), the people
/// who may watch the stream anyway. Playback stays gated by the stream itself (owner and friends only).
/// </summary>
public static class LiveParties
{
    public static async Task<IResult> CreateAsync(CreatePartyRequest body, string host, LiveViewers live, PartyMembership membership,
        IActorRef indexes, NodeSettings settings, CancellationToken ct)
    {
        if (body.TitleId is not null) return ApiProblems.Invalid("a party watches a title or a live stream, not both");
        if (ApiInput.Id("stream id", body.StreamId ?? "") is { } bad) return bad;
        if (body.Control is PartyControl.Everyone) return ApiProblems.Invalid("a party on a live stream is host-only: its host invites the stream owner's friends");
        var stream = await live.ViewAsync(body.StreamId!, host, ct);
        if (stream.Reply is not { } view) return ApiProblems.From(stream.Rejection!); // 404 unknown, 403 a stranger's stream
        if (view.OwnerId != host) return ApiProblems.Forbidden("only the stream's owner opens a party on it");
        var partyId = "p-" + Guid.NewGuid().ToString("N");
        var created = await membership.Parties.AskEntityAsync<PartyView>(new CreateParty(partyId, host, PartyMedia.Live(view.StreamId),
            view.Status == LiveStreamStatus.Live, PartyControl.HostOnly, settings.Parties.IdleEndAfter), ct);
        if (created.Reply is not { } party) return ApiProblems.From(created.Rejection!);
        await indexes.AskEntityAsync<PartyIndexView>(new IndexParty(host, partyId), ct);
        return Results.Created($"/api/parties/{partyId}", party);
    }
}
