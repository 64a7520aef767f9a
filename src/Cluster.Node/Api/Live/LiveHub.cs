using MediaPlatform.Node.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// /hubs/live: pushes "liveStarted" to a signed-in user's connections when one of their friends goes live (or comes
/// back after an interruption). Each connection joins its user's group on this node; <see cref="LiveNotifier"/>
/// brings the news from whichever node took the ingest, over DistributedPubSub. Clients call nothing.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub
{
    public const string Path = "/hubs/live";
    /// <summary>The client method a friend's going live arrives on.</summary>
    public const string LiveStartedMethod = "liveStarted";

    public static string GroupOf(string userId) => "live-user:" + userId;

    public override async Task OnConnectedAsync()
    {
        var user = Context.User?.CallerId() ?? throw new HubException("401 Unauthorized: sign in first");
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(user), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
