using System.Collections.Concurrent;

namespace MediaPlatform.Node.Api.Parties;

/// <summary>Which parties each of this node's hub connections joined, so a closed connection goes offline in each.</summary>
public sealed class PartyConnections
{
    /// <summary>A connection may watch a few parties at once; more is refused.</summary>
    public const int MaxPartiesPerConnection = 4;

    private readonly ConcurrentDictionary<string, (string UserId, HashSet<string> Parties)> _connections = new(StringComparer.Ordinal);

    public bool TryAdd(string connectionId, string userId, string partyId)
    {
        var entry = _connections.GetOrAdd(connectionId, _ => (userId, new HashSet<string>(StringComparer.Ordinal)));
        lock (entry.Parties)
        {
            if (entry.Parties.Contains(partyId)) return true;
            if (entry.Parties.Count >= MaxPartiesPerConnection) return false;
            entry.Parties.Add(partyId);
            return true;
        }
    }

    public bool Remove(string connectionId, string partyId)
    {
        if (!_connections.TryGetValue(connectionId, out var entry)) return false;
        lock (entry.Parties) return entry.Parties.Remove(partyId);
    }

    /// <summary>The connection closed: the parties it was in (and forgets it).</summary>
    public IReadOnlyList<string> Close(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var entry)) return [];
        lock (entry.Parties) return entry.Parties.ToList();
    }
}
