namespace MediaPlatform.Node.Management;

// The JSON bodies of the management routes (besides GET /cluster/members, see ClusterMembersRoutes).

/// <summary>Answer to join, leave and down: what was asked of the cluster (the change itself follows by gossip).</summary>
public sealed record MembershipChangeResponse(string Message, string Address);

/// <summary>POST /cluster/down-unreachable: the members this node asked the cluster to down.</summary>
public sealed record DownUnreachableResponse(string Message, string[] Downed);

/// <summary>GET /cluster/shards/{region}: the shards of one region hosted on this node.</summary>
public sealed record ShardRegionStateResponse(string Region, string Node, int ShardCount, int EntityCount, ShardEntities[] Shards, string[] FailedShards);

public sealed record ShardEntities(string ShardId, int EntityCount);

/// <summary>GET /cluster/sharding: every region, node by node.</summary>
public sealed record ClusterShardingResponse(RegionDistribution[] Regions);

public sealed record RegionDistribution(string Region, int ShardCount, int EntityCount, RegionNodeStats[] Nodes, string? Error);

public sealed record RegionNodeStats(string Node, int ShardCount, int EntityCount, string[] FailedShards);

/// <summary>GET /cluster/singletons: where singletons run (the oldest Up member) and which ones exist.</summary>
public sealed record SingletonsResponse(string? Oldest, SingletonView[] Singletons, string Note);

public sealed record SingletonView(string Name, string? Node);

/// <summary>GET /remote/associations: the members this node is connected to over remoting.</summary>
public sealed record RemoteAssociationsResponse(string Self, string Source, RemoteAssociation[] Associations);

public sealed record RemoteAssociation(string Address, string Status, string Reachability);

/// <summary>GET /actors/hierarchy: actor paths under /user and /system, depth-first order.</summary>
public sealed record ActorHierarchyResponse(int Depth, int Count, bool Truncated, string[] Actors);
