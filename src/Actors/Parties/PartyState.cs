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
    long Version) : IEntityState<PartyState, IPartyEvent>, IProtocolMessage
{
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
        DateTimeOffset.UnixEpoch, null, 0);

    [JsonIgnore] public bool Ended => EndReason is not null;

    public bool IsMember(string userId) => Members.Any(m => m.UserId == userId);

    public bool IsOnline(string userId) => Connections.Any(c => c.UserId == userId);

    /// <summary>When the idle timer should fire: nobody connected, not ended. Null while someone is here.</summary>
    [JsonIgnore] public DateTimeOffset? IdleDeadline => Exists && !Ended && Connections.IsEmpty ? EmptySince + IdleEndAfter : null;

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
            },
            PartyControlChanged e => this with { Control = e.Control },
            PartyPlaybackChanged e => this with { Playback = new PartyPlayback(e.Playing, e.PositionSeconds, e.Rate, e.At) },
            PartyChatPosted e => this with
            {
                Chat = (Chat.Count >= ChatHistory ? Chat.RemoveRange(0, Chat.Count - ChatHistory + 1) : Chat)
                    .Add(new PartyChatMessage(Version + 1, e.UserId, e.Text, e.At)),
            },
            PartyMemberConnected e => this with { Connections = Connections.Add(new PartyConnection(e.UserId, e.ConnectionId, e.Node)) },
            PartyMemberDisconnected e => WithoutConnections(c => c.UserId == e.UserId && c.ConnectionId == e.ConnectionId, e.At),
            PartyEnded e => this with { EndReason = e.Reason, Connections = [], Invites = [] },
            _ => this,
        };
        return next with { Version = Version + 1 };
    }

    /// <summary>Drops connections; the moment the last one goes is when the idle clock starts.</summary>
    private PartyState WithoutConnections(Predicate<PartyConnection> which, DateTimeOffset at)
    {
        var left = Connections.RemoveAll(which);
        return this with { Connections = left, EmptySince = left.IsEmpty && !Connections.IsEmpty ? at : EmptySince };
    }
}
