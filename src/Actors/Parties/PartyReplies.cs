using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Parties;

/// <summary>A member as everyone in the party sees them.</summary>
public sealed record PartyMemberView(string UserId, bool Online, bool Host, DateTimeOffset JoinedAt);

/// <summary>
/// The party at <paramref name="Version"/> as its members see it, at server time <paramref name="ServerTime"/>. Pushed
/// to every connection after each change: clients keep the highest version and drop older or repeated ones. Chat holds
/// the recent lines only (a push carries <see cref="PartyState.PushedChatLines"/>); clients merge lines by their Seq.
/// </summary>
[Manifest("party.view.v1")]
public sealed record PartyView(string PartyId, long Version, string HostId, PartyMedia Media, PartyControl Control,
    IReadOnlyList<PartyMemberView> Members, IReadOnlyList<PartyInvite> Invites, PartyPlayback Playback, IReadOnlyList<PartyChatMessage> Chat,
    bool Ended, PartyEndReason? EndReason, DateTimeOffset ServerTime) : IProtocolMessage;

/// <summary>A party as one user's listing shows it.</summary>
[Manifest("party.summary.v1")]
public sealed record PartySummary(string PartyId, bool Exists, string HostId, PartyMedia? Media, bool Member, PartyInvite? Invite,
    int Members, int Online, bool Ended, DateTimeOffset CreatedAt) : IProtocolMessage;

/// <summary>What the party's entity publishes on its topic after every change.</summary>
[Manifest("party.updated.v1")]
public sealed record PartyUpdated(PartyView View) : IProtocolMessage;

/// <summary>The pub-sub topic a party's changes are published on.</summary>
public static class PartyTopics
{
    public static string For(string partyId) => "party-" + partyId;
}
