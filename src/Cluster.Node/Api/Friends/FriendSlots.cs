using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Node.Api.Friends;

/// <summary>
/// Takes the friend-list slots a change needs before the pair's Friendship entity decides it (each list decides its
/// own user's quota, so concurrent requests cannot overshoot), and gives them back when the change is refused.
/// Holds that are not given back (a node died mid-way) lapse by themselves.
/// </summary>
public sealed class FriendSlots(IActorRef lists, UserQuotas quotas)
{
    /// <summary>Holds every slot or none; the refusal of the first list that is full.</summary>
    public async Task<Rejection?> HoldAsync(string pairId, IReadOnlyList<(string UserId, FriendRelation Relation)> slots, CancellationToken ct)
    {
        var held = new List<string>();
        foreach (var (userId, relation) in slots)
        {
            var (limit, setting) = relation == FriendRelation.Friends
                ? (quotas.Friends, UserQuotas.Key("friends"))
                : (quotas.OpenFriendRequests, UserQuotas.Key("open-friend-requests"));
            var answer = await lists.AskEntityAsync<FriendListView>(new ReserveFriendSlot(userId, pairId, relation, limit, setting), ct);
            if (answer.Rejection is { } refused)
            {
                await ReleaseAsync(pairId, held);
                return refused;
            }
            held.Add(userId);
        }
        return null;
    }

    /// <summary>Best effort: an unreleased hold lapses after <see cref="FriendListState.HoldFor"/>.</summary>
    public async Task ReleaseAsync(string pairId, IEnumerable<string> userIds)
    {
        foreach (var userId in userIds)
            await lists.AskEntityAsync<FriendListView>(new ReleaseFriendSlot(userId, pairId), CancellationToken.None);
    }
}
