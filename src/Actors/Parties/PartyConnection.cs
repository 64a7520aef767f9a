namespace MediaPlatform.Actors.Parties;

/// <summary>
/// One open real-time connection of a member (a browser tab) on cluster node <paramref name="Node"/>; a member with any
/// is online. The node is kept so that connections of a node that died without saying goodbye can be dropped.
/// </summary>
public sealed record PartyConnection(string UserId, string ConnectionId, string Node);
