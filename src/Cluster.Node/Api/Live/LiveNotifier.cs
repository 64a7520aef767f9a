using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using MediaPlatform.Actors.Live;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// This node's listener on <see cref="LiveTopics.WentLive"/>: each notice is pushed to the connections of the owner's
/// friends that this node holds (their per-user groups on <see cref="LiveHub"/>). Every node subscribes, so a friend
/// connected anywhere hears of it.
/// </summary>
public sealed class LiveNotifier : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public LiveNotifier(IActorRef mediator, IHubContext<LiveHub> hub)
    {
        mediator.Tell(new Subscribe(LiveTopics.WentLive, Self));
        Receive<SubscribeAck>(_ => { });
        Receive<LiveStreamWentLive>(notice =>
        {
            if (notice.FriendIds.Count == 0) return;
            var message = new LiveStartedMessage(notice.StreamId, notice.OwnerId, notice.Title, notice.Resumed,
                LiveRoutes.PlaybackPath(notice.StreamId), notice.At);
            var groups = notice.FriendIds.Select(LiveHub.GroupOf).ToList();
            hub.Clients.Groups(groups).SendAsync(LiveHub.LiveStartedMethod, message).ContinueWith(
                t => _log.Warning(t.Exception, "pushing live stream {0} to friends failed", notice.StreamId), TaskContinuationOptions.OnlyOnFaulted);
        });
    }

    public static Props PropsFor(IActorRef mediator, IHubContext<LiveHub> hub) => Props.Create(() => new LiveNotifier(mediator, hub));
}
