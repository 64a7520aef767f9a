using System.Threading.RateLimiting;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// /hubs/party: the real-time side of watch parties, on every node. A client joins a party and gets its current view
/// at once; play/pause/seek/rate/chat go to the party entity, which decides and stores them and publishes its new view
/// through DistributedPubSub; every node with connections in the party pushes it to them as "state" (ordered by the
/// view's version). Refusals come back as a HubException naming the HTTP status and the reason.
/// </summary>
[Authorize]
public sealed class PartyHub(IRequiredActor<EntityRegions.Parties> parties, IRequiredActor<EntityRegions.PartyWatchers> watchers,
    PartyMembership membership, PartyConnections connections, PartyClock clock, ActorSystem system) : Hub
{
    public const string Path = "/hubs/party";
    /// <summary>The client method every pushed view arrives on.</summary>
    public const string StateMethod = "state";

    private const string LimiterItem = "party-limiter";

    public static string GroupOf(string partyId) => "party:" + partyId;

    /// <summary>Server time (ms since the Unix epoch) for the client's NTP-style offset estimate.</summary>
    public double ServerTime() => clock.UnixMilliseconds;

    /// <summary>
    /// Joins the party on this connection (accepting the caller's invite if they are not a member yet) and answers its
    /// current view. Calling it again after a reconnect resumes from the party's state.
    /// </summary>
    public async Task<PartyView> Join(string partyId)
    {
        CheckId(partyId);
        var user = UserId;
        var node = Akka.Cluster.Cluster.Get(system).SelfAddress.ToString();
        var answer = await parties.ActorRef.AskEntityAsync<PartyView>(new ConnectToParty(partyId, user, Context.ConnectionId, node), Context.ConnectionAborted);
        if (answer.Rejection is { Kind: RejectionKind.Forbidden })
        {
            var joined = await membership.JoinAsync(partyId, user, Context.ConnectionAborted);
            answer = joined.Rejection is { Kind: RejectionKind.NotFound } ? answer : joined; // no invite: "not a member" says it best
            if (answer.Reply is not null)
                answer = await parties.ActorRef.AskEntityAsync<PartyView>(new ConnectToParty(partyId, user, Context.ConnectionId, node), Context.ConnectionAborted);
        }
        var view = Unwrap(answer);
        if (!connections.TryAdd(Context.ConnectionId, user, partyId))
        {
            parties.ActorRef.Tell(new DisconnectFromParty(partyId, user, Context.ConnectionId));
            throw new HubException($"409 Conflict: one connection watches at most {PartyConnections.MaxPartiesPerConnection} parties");
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(partyId), Context.ConnectionAborted);
        watchers.ActorRef.Tell(new PartyWatchers.Watch(partyId, Context.ConnectionId));
        return view;
    }

    /// <summary>Stops watching the party on this connection (the member stays in the party).</summary>
    public async Task Unwatch(string partyId)
    {
        CheckId(partyId);
        if (!connections.Remove(Context.ConnectionId, partyId)) return;
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(partyId));
        watchers.ActorRef.Tell(new PartyWatchers.Unwatch(partyId, Context.ConnectionId));
        parties.ActorRef.Tell(new DisconnectFromParty(partyId, UserId, Context.ConnectionId));
    }

    // The last argument of the changes below is the client's operation id for the call (null for none; SignalR binds
    // arguments by position and has no optional ones): a retry under the same id is answered, not applied twice.

    public Task<PartyView> Play(string partyId, double? positionSeconds, string? operationId) =>
        Control(partyId, PlaybackAction.Play, positionSeconds, null, operationId);

    public Task<PartyView> Pause(string partyId, double? positionSeconds, string? operationId) =>
        Control(partyId, PlaybackAction.Pause, positionSeconds, null, operationId);

    public Task<PartyView> Seek(string partyId, double positionSeconds, string? operationId) =>
        Control(partyId, PlaybackAction.Seek, positionSeconds, null, operationId);

    public Task<PartyView> SetRate(string partyId, double rate, string? operationId) => Control(partyId, PlaybackAction.Rate, null, rate, operationId);

    public Task<PartyView> SetControl(string partyId, PartyControl control) => Send(partyId, new SetPartyControl(partyId, UserId, control));

    public Task<PartyView> Chat(string partyId, string text, string? operationId) =>
        Send(partyId, new PostPartyChat(partyId, UserId, text ?? "", operationId));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var partyId in connections.Close(Context.ConnectionId))
        {
            watchers.ActorRef.Tell(new PartyWatchers.Unwatch(partyId, Context.ConnectionId));
            parties.ActorRef.Tell(new DisconnectFromParty(partyId, UserId, Context.ConnectionId));
        }
        (Context.Items[LimiterItem] as IDisposable)?.Dispose();
        return base.OnDisconnectedAsync(exception);
    }

    private Task<PartyView> Control(string partyId, PlaybackAction action, double? position, double? rate, string? operationId) =>
        Send(partyId, new ControlPlayback(partyId, UserId, action, position, rate, operationId));

    private async Task<PartyView> Send(string partyId, IPartyCommand command)
    {
        CheckId(partyId);
        ThrottleConnection();
        return Unwrap(await parties.ActorRef.AskEntityAsync<PartyView>(command, Context.ConnectionAborted));
    }

    /// <summary>
    /// Each change is a stored event: a connection may send 20 at once and 10 a second after that (chat has its own,
    /// tighter limit per member in the party).
    /// </summary>
    private void ThrottleConnection()
    {
        if (Context.Items[LimiterItem] is not TokenBucketRateLimiter limiter)
        {
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 20, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            });
            Context.Items[LimiterItem] = limiter;
        }
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired) throw new HubException("429 Too many requests: slow down");
    }

    private string UserId => Context.UserIdentifier ?? throw new HubException("401 Unauthorized: sign in first");

    private static void CheckId(string partyId)
    {
        if (string.IsNullOrEmpty(partyId) || partyId.Length > ApiInput.MaxIdLength || !partyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new HubException("400 Invalid request: not a valid party id");
    }

    private static PartyView Unwrap(EntityAnswer<PartyView> answer) => answer.Reply
        ?? throw new HubException($"{ApiProblems.Status(answer.Rejection!.Kind)} {answer.Rejection.Kind}: {answer.Rejection.Message}");
}
