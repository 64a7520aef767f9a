using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using MediaPlatform.Actors.Parties;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MediaPlatform.Node.Tests.Api.Parties;

/// <summary>
/// A SignalR client of /hubs/party as a browser tab uses it: every pushed view is kept in arrival order, and
/// <see cref="Latest"/> is the highest version seen (older and repeated pushes are dropped, as the player does).
/// </summary>
public sealed class PartyHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<PartyView> _received = new();
    private readonly object _gate = new();

    private PartyHubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<PartyView>("state", view =>
        {
            _received.Enqueue(view);
            lock (_gate) if (Latest is null || view.Version > Latest.Version) Latest = view;
        });
    }

    /// <summary>Every push, in the order it arrived.</summary>
    public IReadOnlyList<PartyView> Received => _received.ToArray();

    public PartyView? Latest { get; private set; }

    /// <param name="tokenInQuery">Send the token as ?access_token= (what browsers do for WebSockets) instead of a header.</param>
    public static async Task<PartyHubClient> ConnectAsync(Uri node, string token, bool tokenInQuery = false)
    {
        var url = new Uri(node, tokenInQuery ? $"/hubs/party?access_token={Uri.EscapeDataString(token)}" : "/hubs/party");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                if (!tokenInQuery) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        await connection.StartAsync();
        return new PartyHubClient(connection);
    }

    public async Task<PartyView> JoinAsync(string partyId)
    {
        var view = await _connection.InvokeAsync<PartyView>("Join", partyId);
        lock (_gate) if (Latest is null || view.Version > Latest.Version) Latest = view;
        return view;
    }

    public Task<PartyView> InvokeAsync(string method, params object?[] args) => _connection.InvokeCoreAsync<PartyView>(method, args);

    public Task<double> ServerTimeAsync() => _connection.InvokeAsync<double>("ServerTime");

    /// <summary>Waits until a pushed (or joined) view satisfies <paramref name="condition"/>; that view.</summary>
    public async Task<PartyView> AwaitStateAsync(Func<PartyView, bool> condition, string what, TimeSpan? timeout = null)
    {
        PartyView? match = null;
        await Eventually.AwaitAsync(() => (match = Latest) is not null && condition(match), timeout ?? TimeSpan.FromSeconds(20), what,
            TimeSpan.FromMilliseconds(20));
        return match!;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
