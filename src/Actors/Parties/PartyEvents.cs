using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>Every event a party persists; each one moves the party's version (its push sequence number) by one.</summary>
public interface IPartyEvent : IProtocolMessage
{
    DateTimeOffset At { get; }
}

[Manifest("party.created.v1")]
public sealed record PartyCreated(string PartyId, string HostId, PartyMedia Media, PartyControl Control, TimeSpan IdleEndAfter,
    DateTimeOffset At) : IPartyEvent;

[Manifest("party.invited.v1")]
public sealed record PartyInviteSent(string InviteeId, string ByUserId, DateTimeOffset ExpiresAt, DateTimeOffset At) : IPartyEvent;

[Manifest("party.joined.v1")]
public sealed record PartyMemberJoined(string UserId, DateTimeOffset At) : IPartyEvent;

/// <summary>A member left; <paramref name="NewHostId"/> is set when the host left and the party passed to another member.</summary>
[Manifest("party.left.v1")]
public sealed record PartyMemberLeft(string UserId, string? NewHostId, DateTimeOffset At) : IPartyEvent;

[Manifest("party.control-changed.v1")]
public sealed record PartyControlChanged(PartyControl Control, string ByUserId, DateTimeOffset At) : IPartyEvent;

/// <summary>
/// The playback after <paramref name="Action"/> by <paramref name="ByUserId"/>; <paramref name="OperationId"/> is the
/// client's id for the call, when it sent one (absent in events stored before operation ids existed).
/// </summary>
[Manifest("party.playback-changed.v1")]
public sealed record PartyPlaybackChanged(string ByUserId, PlaybackAction Action, bool Playing, double PositionSeconds, double Rate,
    DateTimeOffset At, string? OperationId = null) : IPartyEvent;

/// <summary>A chat line; <paramref name="OperationId"/> as in <see cref="PartyPlaybackChanged"/>.</summary>
[Manifest("party.chat-posted.v1")]
public sealed record PartyChatPosted(string UserId, string Text, DateTimeOffset At, string? OperationId = null) : IPartyEvent;

[Manifest("party.member-online.v1")]
public sealed record PartyMemberConnected(string UserId, string ConnectionId, string Node, DateTimeOffset At) : IPartyEvent;

[Manifest("party.member-offline.v1")]
public sealed record PartyMemberDisconnected(string UserId, string ConnectionId, DateTimeOffset At) : IPartyEvent;

/// <summary>The host was away (no connection open) for the grace period while others were here: the party passed on.</summary>
[Manifest("party.host-changed.v1")]
public sealed record PartyHostChanged(string NewHostId, string PreviousHostId, DateTimeOffset At) : IPartyEvent;

[Manifest("party.ended.v1")]
public sealed record PartyEnded(PartyEndReason Reason, DateTimeOffset At) : IPartyEvent;
