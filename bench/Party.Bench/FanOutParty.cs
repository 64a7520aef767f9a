using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Cluster.Sharding;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace MediaPlatform.Bench.Party;

/// <summary>
/// One watch party with its members' hub connections spread round-robin over the cluster's nodes, as browsers would
/// hold them. A round is one host action (a Seek to a new position, the marker) timed until every connection has been
/// pushed the view carrying it. Members are real users (signed up over HTTP); the host creates the party over HTTP;
/// invites and joins go straight to the party entity (the friendship checks are not what is measured).
/// </summary>
public sealed class FanOutParty : IAsyncDisposable
{
    /// <summary>A party holds at most 50 members, each with at most 5 connections (tabs).</summary>
    public const int MaxConnections = PartyState.MaxMembers * PartyState.MaxConnectionsPerMember;

    private readonly List<HubConnection> _connections = [];
    private FanOutTimings? _round;

    private FanOutParty(string partyId, int holder) => (PartyId, Holder) = (partyId, holder);

    public string PartyId { get; }

    /// <summary>The node (0-based) whose shard region holds the party entity: the publisher of its changes.</summary>
    public int Holder { get; }

    public int Members { get; private set; }

    public int Connections => _connections.Count;

    public static async Task<FanOutParty> StartAsync(InProcessNodeCluster cluster, int connections)
    {
        var members = Math.Min(PartyState.MaxMembers, (connections + 3) / 4);
        var nodes = cluster.BaseAddresses;
        var users = new SignedInUser[members];
        await Parallel.ForAsync(0, members, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            using var http = new HttpClient { BaseAddress = nodes[i % nodes.Count] };
            users[i] = await new ApiClient(http).NewUserAsync("party-bench", $"Member {i}");
        });
        var host = users[0];
        using var hostHttp = ApiClient.Authorized(nodes[0], host.Token);
        var titleId = await PublishedTitles.CreateAsync(hostHttp, cluster.Registered<EntityRegions.Titles>(0), "Fan-out night");
        using var created = await hostHttp.PostAsJsonAsync("/api/parties", new { titleId, control = "HostOnly" });
        var body = await created.Content.ReadAsStringAsync();
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating the party: {(int)created.StatusCode} {body}");
        var partyId = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("partyId").GetString()!;

        var parties = cluster.Registered<EntityRegions.Parties>(0);
        foreach (var guest in users.Skip(1))
        {
            await ExpectViewAsync(parties, new InviteToParty(partyId, host.UserId, guest.UserId, [guest.UserId], TimeSpan.FromDays(1)));
            await ExpectViewAsync(parties, new JoinParty(partyId, guest.UserId, [host.UserId]));
        }

        var party = new FanOutParty(partyId, await HolderAsync(cluster, partyId)) { Members = members };
        // Connection c belongs to member c % members (the host holds connection 0) and goes to node c % nodes.
        for (var c = 0; c < connections; c++) party._connections.Add(party.Connection(nodes[c % nodes.Count], users[c % members].Token, c));
        await Parallel.ForEachAsync(party._connections, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (connection, ct) =>
        {
            await connection.StartAsync(ct);
            await connection.InvokeAsync<PartyView>("Join", partyId, ct);
        });
        return party;
    }

    private HubConnection Connection(Uri node, string token, int index)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/party"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.On<PartyView>("state", view =>
        {
            if (_round is { } round && (long)Math.Round(view.Playback.PositionSeconds) == round.Marker) round.Received(index);
        });
        return connection;
    }

    /// <summary>The host seeks to <paramref name="marker"/> seconds on its first connection; the round completes when all have it.</summary>
    public async Task<FanOutTimings> SeekAsync(long marker, TimeSpan timeout)
    {
        var round = _round = new FanOutTimings(marker, _connections.Count);
        await _connections[0].InvokeAsync<PartyView>("Seek", PartyId, (double)marker, Guid.NewGuid().ToString("N"));
        round.AnsweredAt = System.Diagnostics.Stopwatch.GetTimestamp();
        await Task.WhenAny(round.Complete, Task.Delay(timeout));
        return round;
    }

    private static async Task ExpectViewAsync(IActorRef parties, IPartyCommand command)
    {
        var answer = await parties.Ask<object>(command, TimeSpan.FromSeconds(20));
        if (answer is not PartyView) throw new InvalidOperationException($"{command.GetType().Name}: {answer}");
    }

    private static async Task<int> HolderAsync(InProcessNodeCluster cluster, string partyId)
    {
        for (var node = 0; node < cluster.BaseAddresses.Count; node++)
        {
            var state = await cluster.Registered<EntityRegions.Parties>(node).Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(10));
            if (state.Shards.Any(s => s.EntityIds.Contains(partyId))) return node;
        }
        throw new InvalidOperationException($"no node holds party {partyId}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
