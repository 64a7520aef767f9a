using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>Every message a party entity handles; routed by <see cref="PartyId"/>.</summary>
public interface IPartyCommand : IWithEntityId, IProtocolMessage
{
    string PartyId { get; }
    string IWithEntityId.EntityId => PartyId;
}

/// <summary>
/// Opens a party hosted by <paramref name="HostId"/>. <paramref name="MediaAvailable"/> is what the caller found when
/// it looked the media up (a published title); the party refuses media that is not. <paramref name="IdleEndAfter"/>
/// (from settings) is kept with the party: it ends once nobody has been connected for that long.
/// </summary>
[Manifest("party.create.v1")]
public sealed record CreateParty(string PartyId, string HostId, PartyMedia Media, bool MediaAvailable, PartyControl Control,
    TimeSpan IdleEndAfter) : IPartyCommand;

/// <summary>
/// Invites <paramref name="InviteeId"/>; <paramref name="InviterFriendIds"/> are the inviter's accepted friends as their
/// friend list holds them (only friends may be invited). The invite lasts <paramref name="ValidFor"/>.
/// </summary>
[Manifest("party.invite.v1")]
public sealed record InviteToParty(string PartyId, string ByUserId, string InviteeId, IReadOnlyList<string> InviterFriendIds, TimeSpan ValidFor)
    : IPartyCommand;

/// <summary>Accepts an open invite; <paramref name="FriendIds"/> are the joiner's accepted friends (the inviter must still be one).</summary>
[Manifest("party.join.v1")]
public sealed record JoinParty(string PartyId, string UserId, IReadOnlyList<string> FriendIds) : IPartyCommand;

/// <summary>A member leaves; a leaving host hands the party to the longest-standing member.</summary>
[Manifest("party.leave.v1")]
public sealed record LeaveParty(string PartyId, string UserId) : IPartyCommand;

/// <summary>Only the host ends a party.</summary>
[Manifest("party.end.v1")]
public sealed record EndParty(string PartyId, string UserId) : IPartyCommand;

/// <summary>
/// Play, pause, seek (to <paramref name="PositionSeconds"/>) or change the rate (to <paramref name="Rate"/>).
/// <paramref name="OperationId"/>, optional, is the client's id for this call: a repeat of an id the party has applied
/// for this member is answered with the party as it is, not applied again.
/// </summary>
[Manifest("party.control.v1")]
public sealed record ControlPlayback(string PartyId, string UserId, PlaybackAction Action, double? PositionSeconds, double? Rate,
    string? OperationId = null) : IPartyCommand;

/// <summary>The host switches between host-only and everyone-controls.</summary>
[Manifest("party.set-control.v1")]
public sealed record SetPartyControl(string PartyId, string UserId, PartyControl Control) : IPartyCommand;

/// <summary>A chat line; <paramref name="OperationId"/> as in <see cref="ControlPlayback"/>.</summary>
[Manifest("party.chat.v1")]
public sealed record PostPartyChat(string PartyId, string UserId, string Text, string? OperationId = null) : IPartyCommand;

/// <summary>A member's real-time connection opened on cluster node <paramref name="Node"/> (they are online while any is open).</summary>
[Manifest("party.connect.v1")]
public sealed record ConnectToParty(string PartyId, string UserId, string ConnectionId, string Node) : IPartyCommand;

/// <summary>
/// The party's own check after a node left the cluster or the party started again: connections held on nodes not in
/// <paramref name="LiveNodes"/> are gone (their node died with them) and go offline.
/// </summary>
[Manifest("party.drop-dead-connections.v1")]
public sealed record DropDeadConnections(string PartyId, IReadOnlyList<string> LiveNodes) : IPartyCommand;

/// <summary>A connection closed; unknown connections are ignored (a repeat, or a party that ended meanwhile).</summary>
[Manifest("party.disconnect.v1")]
public sealed record DisconnectFromParty(string PartyId, string UserId, string ConnectionId) : IPartyCommand;

/// <summary>The party's own timer: end it if nobody has been connected for its idle time.</summary>
[Manifest("party.end-if-idle.v1")]
public sealed record EndPartyIfIdle(string PartyId) : IPartyCommand;

/// <summary>
/// The party's own timer: if the host has had no connection open for <paramref name="Grace"/> while another member is
/// here, the longest-standing member who is here becomes host.
/// </summary>
[Manifest("party.hand-over-from-away-host.v1")]
public sealed record HandOverFromAwayHost(string PartyId, TimeSpan Grace) : IPartyCommand;

/// <summary>The party as <paramref name="UserId"/> may see it (members only).</summary>
[Manifest("party.get.v1")]
public sealed record GetParty(string PartyId, string UserId) : IPartyCommand;

/// <summary>What a user's listing shows of the party: whether they are in it or invited, and whether it has ended.</summary>
[Manifest("party.get-summary.v1")]
public sealed record GetPartySummary(string PartyId, string UserId) : IPartyCommand;

/// <summary>
/// The party's current view for a node that pushes it to its connections (after subscribing, or when it saw a gap in
/// the versions). Internal: no route reaches it; members see the party through <see cref="GetParty"/>.
/// </summary>
[Manifest("party.sync.v1")]
public sealed record SyncParty(string PartyId) : IPartyCommand;
