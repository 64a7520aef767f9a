using System.Collections.Immutable;
using System.Text.Json.Serialization;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>
/// One watch party: its media, host, members, open invites, who may control playback, the shared playback, a bounded
/// chat history and who is connected. Pure. Facts the party cannot know itself (is the title published, who are the
/// actor's friends) arrive in the command, looked up by the caller; the party decides on them. Every event moves
/// <see cref="Version"/>, the sequence number clients order pushed changes by.
/// </summary>
[Manifest("party.state.v1")]
public sealed partial record PartyState(
    string PartyId,
    bool Exists,
    string HostId,
    PartyMedia? Media,
    PartyControl Control,
    TimeSpan IdleEndAfter,
    ImmutableList<PartyMember> Members,
    ImmutableList<PartyInvite> Invites,
    ImmutableList<PartyConnection> Connections,
    PartyPlayback Playback,
    ImmutableList<PartyChatMessage> Chat,
    DateTimeOffset CreatedAt,
    DateTimeOffset EmptySince,
    PartyEndReason? EndReason,
    long Version,
    ImmutableList<PartyOperation> Operations,
    DateTimeOffset? HostAwaySince) : IEntityState<PartyState, IPartyEvent>, IProtocolMessage
{
    /// <summary>The last operation ids per member (snapshots written before operation ids existed read as none).</summary>
    public ImmutableList<PartyOperation> Operations { get; init; } = Operations ?? [];

    /// <summary>How many of a member's latest operation ids the party remembers.</summary>
    public const int OperationsPerMember = 32;
    public const int MaxOperationIdLength = 64;
    public const int MaxMembers = 50;
    public const int MaxOpenInvites = 100;
    public const int MaxConnectionsPerMember = 5;
    public const int ChatHistory = 100;
    public const int PushedChatLines = 20;
    public const int MaxChatLength = 500;
    /// <summary>Chat flood limit per member: at most this many lines in <see cref="ChatWindow"/>.</summary>
    public const int ChatLinesPerWindow = 5;
    public static readonly TimeSpan ChatWindow = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MinInviteValidity = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxInviteValidity = TimeSpan.FromDays(7);
    public const double MaxPositionSeconds = 24 * 3600;
    public const double MinRate = 0.25, MaxRate = 4;

    public static PartyState Empty(string partyId) => new(partyId, false, "", null, PartyControl.HostOnly, TimeSpan.Zero,
        ImmutableList<PartyMember>.Empty, ImmutableList<PartyInvite>.Empty, ImmutableList<PartyConnection>.Empty,
        PartyPlayback.Start(DateTimeOffset.UnixEpoch), ImmutableList<PartyChatMessage>.Empty, DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch, null, 0, ImmutableList<PartyOperation>.Empty, null);

    [JsonIgnore] public bool Ended => EndReason is not null;

    public bool IsMember(string userId) => Members.Any(m => m.UserId == userId);

    public bool IsOnline(string userId) => Connections.Any(c => c.UserId == userId);

    /// <summary>When the idle timer should fire: nobody connected, not ended. Null while someone is here.</summary>
    [JsonIgnore] public DateTimeOffset? IdleDeadline => Exists && !Ended && Connections.IsEmpty ? EmptySince + IdleEndAfter : null;

    /// <summary>
    /// When the host, away since <see cref="HostAwaySince"/>, should hand over: only while the party runs and another
    /// member is here to take it. Null otherwise.
    /// </summary>
    public DateTimeOffset? HostAwayDeadline(TimeSpan grace) =>
        Exists && !Ended && HostAwaySince is { } since && Members.Any(m => m.UserId != HostId && IsOnline(m.UserId)) ? since + grace : null;

    public PartyInvite? OpenInviteFor(string userId, DateTimeOffset now) => Invites.Find(i => i.UserId == userId && i.ExpiresAt > now);

    public PartyState Apply(IPartyEvent @event)
    {
        var next = @event switch
        {
            PartyCreated e => this with
            {
                Exists = true, HostId = e.HostId, Media = e.Media, Control = e.Control, IdleEndAfter = e.IdleEndAfter,
                Members = [new PartyMember(e.HostId, e.At)], Playback = PartyPlayback.Start(e.At), CreatedAt = e.At, EmptySince = e.At,
            },
            PartyInviteSent e => this with
            {
                Invites = Invites.RemoveAll(i => i.UserId == e.InviteeId || i.ExpiresAt <= e.At).Add(new PartyInvite(e.InviteeId, e.ByUserId, e.ExpiresAt)),
            },
            PartyMemberJoined e => this with
            {
                Members = Members.Add(new PartyMember(e.UserId, e.At)),
                Invites = Invites.RemoveAll(i => i.UserId == e.UserId),
            },
            PartyMemberLeft e => WithoutConnections(c => c.UserId == e.UserId, e.At) with
            {
                Members = Members.RemoveAll(m => m.UserId == e.UserId),
                HostId = e.NewHostId ?? HostId,
                Operations = Operations.RemoveAll(o => o.UserId == e.UserId),
            },
            PartyControlChanged e => this with { Control = e.Control },
            PartyHostChanged e => this with { HostId = e.NewHostId },
            PartyPlaybackChanged e => this with
            {
                Playback = new PartyPlayback(e.Playing, e.PositionSeconds, e.Rate, e.At), Operations = Remember(e.ByUserId, e.OperationId),
            },
            PartyChatPosted e => this with
            {
                Operations = Remember(e.UserId, e.OperationId),
                Chat = (Chat.Count >= ChatHistory ? Chat.RemoveRange(0, Chat.Count - ChatHistory + 1) : Chat)
                    .Add(new PartyChatMessage(Version + 1, e.UserId, e.Text, e.At)),
            },
            PartyMemberConnected e => this with { Connections = Connections.Add(new PartyConnection(e.UserId, e.ConnectionId, e.Node)) },
            PartyMemberDisconnected e => WithoutConnections(c => c.UserId == e.UserId && c.ConnectionId == e.ConnectionId, e.At),
            PartyEnded e => this with { EndReason = e.Reason, Connections = [], Invites = [] },
            _ => this,
        };
        return next.WithHostPresence(HostId, @event.At) with { Version = Version + 1 };
    }

    /// <summary>
    /// Keeps <see cref="HostAwaySince"/> true after an event: null while the host has a connection open; otherwise the
    /// moment they went (kept while they stay away), or the event's time when the host is new or just left.
    /// </summary>
    private PartyState WithHostPresence(string hostBefore, DateTimeOffset at) =>
        this with { HostAwaySince = IsOnline(HostId) ? null : HostId == hostBefore && HostAwaySince is { } since ? since : at };

    /// <summary>Whether <paramref name="userId"/>'s operation <paramref name="operationId"/> was applied already.</summary>
    public bool Applied(string userId, string operationId) => Operations.Any(o => o.UserId == userId && o.OperationId == operationId);

    /// <summary>Keeps the member's latest <see cref="OperationsPerMember"/> operation ids (the oldest goes first).</summary>
    private ImmutableList<PartyOperation> Remember(string userId, string? operationId)
    {
        if (operationId is null) return Operations;
        var kept = Operations.Add(new PartyOperation(userId, operationId));
        return kept.Count(o => o.UserId == userId) > OperationsPerMember ? kept.Remove(kept.First(o => o.UserId == userId)) : kept;
    }

    /// <summary>Drops connections; the moment the last one goes is when the idle clock starts.</summary>
    private PartyState WithoutConnections(Predicate<PartyConnection> which, DateTimeOffset at)
    {
        var left = Connections.RemoveAll(which);
        return this with { Connections = left, EmptySince = left.IsEmpty && !Connections.IsEmpty ? at : EmptySince };
    }
}
