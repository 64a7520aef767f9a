using MediaPlatform.Actors.Parties;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>
/// POST /api/parties: the published title to watch (or, instead, the caller's live stream on air: <c>streamId</c>),
/// and who may control playback (host-only by default; always host-only for a live stream).
/// </summary>
public sealed record CreatePartyRequest(string? TitleId, PartyControl? Control, string? StreamId = null);

/// <summary>POST /api/parties/{partyId}/invites: the friend to invite.</summary>
public sealed record InviteRequest(string UserId);

/// <summary>GET /api/parties: the parties the caller is in, and the open invites they have.</summary>
public sealed record PartyListResponse(IReadOnlyList<PartySummary> Parties, IReadOnlyList<PartySummary> Invites);
