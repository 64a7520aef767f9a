using Akka.Actor;
using Akka.DistributedData;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Hosting;
using Microsoft.Extensions.Caching.Memory;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Which token version each user's tokens must carry, as every node sees it. The user entity is the source of truth;
/// after it has persisted a bump, the flow writes the new version to a replicated map (Akka.DistributedData, write to
/// all nodes) before it answers, so every reachable node refuses older tokens at once. A node whose replica has no
/// entry (nobody bumped since the cluster started: the map lives in memory) asks the entity once and keeps the answer
/// briefly in a bounded cache, so correctness never depends on gossip having arrived. Concurrent checks share one read
/// of the local replica (<see cref="SharedReplicaRead{T}"/>): each still sees the replica as of its arrival or later.
/// </summary>
public sealed class TokenVersions : IDisposable
{
    public static readonly LWWDictionaryKey<string, long> Key = new("user-token-versions");
    private static readonly TimeSpan ReplicaTimeout = TimeSpan.FromSeconds(3);
    // How long a revoking request waits for every node to confirm; past it the answer goes out and gossip finishes.
    private static readonly TimeSpan WriteAllTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);
    private const int CacheEntries = 20_000;

    // The register's clock is the version itself, so the higher version wins any merge: the map only moves forward.
    private static readonly Clock<long> VersionClock = (_, version) => version;

    private readonly ActorSystem _system;
    private readonly IRequiredActor<EntityRegions.Users> _users;
    private readonly ILogger<TokenVersions> _log;
    private readonly MemoryCache _askedEntities = new(new MemoryCacheOptions { SizeLimit = CacheEntries });
    private readonly SharedReplicaRead<IGetResponse?> _replica;

    public TokenVersions(ActorSystem system, IRequiredActor<EntityRegions.Users> users, ILogger<TokenVersions> log)
    {
        _system = system;
        _users = users;
        _log = log;
        _replica = new SharedReplicaRead<IGetResponse?>(ReadReplicaAsync);
    }

    private IActorRef Replicator => DistributedData.Get(_system).Replicator;

    /// <summary>Whether a token of this version is still valid for the user, revoked (or the user unknown), or not confirmable now.</summary>
    public async Task<TokenStanding> CheckAsync(string userId, long tokenVersion, CancellationToken ct)
    {
        var (current, unavailable) = await CurrentAsync(userId, ct);
        if (unavailable) return TokenStanding.Unconfirmed;
        return current is { } v && tokenVersion >= v ? TokenStanding.Current : TokenStanding.Revoked;
    }

    private async Task<(long? Version, bool Unavailable)> CurrentAsync(string userId, CancellationToken ct)
    {
        var local = await _replica.ReadAsync(ct);
        if (local is GetSuccess found && found.Get(Key).TryGetValue(userId, out var replicated)) return (replicated, false);
        if (_askedEntities.TryGetValue(userId, out long cached)) return (cached, false);

        var answer = await _users.ActorRef.AskEntityAsync<UserTokenVersion>(new GetUserTokenVersion(userId), ct);
        if (answer.Reply is not { } reply)
        {
            // Fail closed: a token is not accepted on a version nobody could confirm. While the entity is unreachable
            // (its node died and its shard has not moved yet) that is a 503 to retry, not a 401 that ends the session.
            var unavailable = answer.Rejection?.Kind == RejectionKind.Unavailable;
            _log.LogWarning("token version of user {UserId} unknown ({Reason}); token refused", userId, answer.Rejection?.Message);
            return (null, unavailable);
        }
        _askedEntities.Set(userId, reply.Version, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheLifetime });
        return (reply.Version, false);
    }

    private async Task<IGetResponse?> ReadReplicaAsync()
    {
        // No request's cancellation here: the read is shared; a request that gives up stops waiting for it.
        try { return await Replicator.Ask<IGetResponse>(Dsl.Get(Key, ReadLocal.Instance), ReplicaTimeout); }
        catch (AskTimeoutException) { return null; }
    }

    /// <summary>Asks the entity for the version it has persisted and publishes it (after a command that bumped it).</summary>
    public async Task PublishCurrentAsync(string userId, CancellationToken ct)
    {
        var answer = await _users.ActorRef.AskEntityAsync<UserTokenVersion>(new GetUserTokenVersion(userId), ct);
        if (answer.Reply is { } reply) await PublishAsync(userId, reply.Version, ct);
        else _log.LogWarning("token version of user {UserId} not published ({Reason}); nodes ask the entity on a miss", userId, answer.Rejection?.Message);
    }

    /// <summary>Writes a version the entity has persisted to every node's replica; waits for all reachable nodes (bounded).</summary>
    public async Task PublishAsync(string userId, long version, CancellationToken ct)
    {
        _askedEntities.Remove(userId);
        var cluster = Akka.Cluster.Cluster.Get(_system);
        var update = Dsl.Update(Key, LWWDictionary<string, long>.Empty, new WriteAll(WriteAllTimeout),
            map => map.SetItem(cluster, userId, version, VersionClock));
        IUpdateResponse? result;
        try { result = await Replicator.Ask<IUpdateResponse>(update, WriteAllTimeout + TimeSpan.FromSeconds(1), ct); }
        catch (AskTimeoutException) { result = null; } // the bump is stored in the entity; a miss asks it
        if (result is not UpdateSuccess)
            // Written locally and to the nodes that answered; the rest receive it by gossip within seconds.
            _log.LogWarning("token version {Version} of user {UserId} not confirmed by every node ({Result})", version, userId, result?.GetType().Name ?? "no answer");
    }

    public void Dispose() => _askedEntities.Dispose();
}
