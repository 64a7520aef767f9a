using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Api.Friends;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// The steps REST routes and the hub share: look up the facts a party decides on (the caller's friends, whether the
/// title is published) and keep each user's party index in step after the party has decided.
/// </summary>
public sealed class PartyMembership(IActorRef parties, IActorRef indexes, IActorRef friendLists, NodeSettings settings)
{
    public IActorRef Parties => parties;

    public async Task<EntityAnswer<PartyView>> InviteAsync(string partyId, string byUserId, string inviteeId, CancellationToken ct)
    {
        var friends = await friendLists.AcceptedFriendsOfAsync(byUserId, ct);
        if (friends.Rejection is { } unavailable) return new EntityAnswer<PartyView>(null, unavailable);
        var answer = await parties.AskEntityAsync<PartyView>(new InviteToParty(partyId, byUserId, inviteeId, friends.Reply!, settings.Parties.InviteValidFor), ct);
        if (answer.Reply is not null) await indexes.AskEntityAsync<PartyIndexView>(new IndexParty(inviteeId, partyId), ct);
        return answer;
    }

    public async Task<EntityAnswer<PartyView>> JoinAsync(string partyId, string userId, CancellationToken ct)
    {
        var friends = await friendLists.AcceptedFriendsOfAsync(userId, ct);
        if (friends.Rejection is { } unavailable) return new EntityAnswer<PartyView>(null, unavailable);
        var answer = await parties.AskEntityAsync<PartyView>(new JoinParty(partyId, userId, friends.Reply!), ct);
        if (answer.Reply is not null) await indexes.AskEntityAsync<PartyIndexView>(new IndexParty(userId, partyId), ct);
        return answer;
    }

    public async Task<EntityAnswer<PartyView>> LeaveAsync(string partyId, string userId, CancellationToken ct)
    {
        var answer = await parties.AskEntityAsync<PartyView>(new LeaveParty(partyId, userId), ct);
        if (answer.Reply is not null) await indexes.AskEntityAsync<PartyIndexView>(new UnindexParty(userId, partyId), ct);
        return answer;
    }

    /// <summary>The user's parties (member) and open invites, each as the party itself answers now; what is over is pruned.</summary>
    public async Task<(IReadOnlyList<PartySummary> Parties, IReadOnlyList<PartySummary> Invites)?> ListAsync(string userId, CancellationToken ct)
    {
        var index = await indexes.AskEntityAsync<PartyIndexView>(new GetPartyIndex(userId), ct);
        if (index.Reply is null) return null;
        var summaries = await Task.WhenAll(index.Reply.PartyIds.Select(id => parties.AskEntityAsync<PartySummary>(new GetPartySummary(id, userId), ct)));
        var known = summaries.Where(s => s.Reply is not null).Select(s => s.Reply!).ToList();
        foreach (var over in known.Where(s => !s.Exists || s.Ended || (!s.Member && s.Invite is null)))
            indexes.Tell(new UnindexParty(userId, over.PartyId));
        return (known.Where(s => s is { Exists: true, Ended: false, Member: true }).ToList(),
            known.Where(s => s is { Exists: true, Ended: false, Member: false, Invite: not null }).ToList());
    }
}
