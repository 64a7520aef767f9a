using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Friends;

namespace MediaPlatform.Actors.Tests.Friends;

/// <summary>Stands in for the friend-list shard region in one process: a child entity per user id, sender kept.</summary>
internal sealed class LocalFriendLists : ReceiveActor
{
    public LocalFriendLists(EntitySettings settings, IClock clock)
    {
        Receive<IFriendListCommand>(m =>
        {
            var name = Uri.EscapeDataString(m.UserId);
            var list = Context.Child(name).GetOrElse(() => Context.ActorOf(FriendListEntity.PropsFor(m.UserId, settings, clock), name));
            list.Forward(m);
        });
    }

    public static Props PropsFor(EntitySettings settings, IClock clock) => Props.Create(() => new LocalFriendLists(settings, clock));
}
