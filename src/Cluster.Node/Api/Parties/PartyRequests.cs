using MediaPlatform.Actors.Parties;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>POST /api/parties: the published title to watch, and who may control playback (host-only by default).</summary>
public sealed record CreatePartyRequest(string TitleId, PartyControl? Control);

/// <summary>POST /api/parties/{partyId}/invites: the friend to invite.</summary>
public sealed record InviteRequest(string UserId);

/// <summary>GET /api/parties: the parties the caller is in, and the open invites they have.</summary>
public sealed record PartyListResponse(IReadOnlyList<PartySummary> Parties, IReadOnlyList<PartySummary> Invites);
