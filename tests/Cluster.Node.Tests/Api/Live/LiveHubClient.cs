using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>A SignalR client of /hubs/live as a friend's browser tab uses it: every "liveStarted" push is kept.</summary>
public sealed class LiveHubClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<JsonElement> _received = new();

    private LiveHubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("liveStarted", message => _received.Enqueue(message));
    }

    public IReadOnlyList<JsonElement> Received => _received.ToArray();

    public static async Task<LiveHubClient> ConnectAsync(Uri node, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return new LiveHubClient(connection);
    }

    public async Task<JsonElement> AwaitStartedAsync(string streamId, TimeSpan timeout)
    {
        JsonElement found = default;
        await Eventually.AwaitAsync(() =>
        {
            var match = _received.Where(m => m.GetProperty("streamId").GetString() == streamId).ToList();
            if (match.Count > 0) found = match[0];
            return match.Count > 0;
        }, timeout, $"a liveStarted push for {streamId}");
        return found;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
