using System.Text.Json;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Cluster;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Management;

/// <summary>
/// GET /cluster/events: server-sent events, first `snapshot` (the GET /cluster/members body), then one event per
/// membership change as it happens (`member-up`, `member-left`, `member-removed`, `unreachable-member`, ...). Ends
/// when the client disconnects or the node stops.
/// </summary>
public static class ClusterEventRoutes
{
    public static IEndpointRouteBuilder MapClusterEventRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cluster/events", async (HttpContext http, ActorSystem system, NodeOptions options, IHostApplicationLifetime lifetime) =>
        {
            // An open stream must not hold up the node's shutdown: Kestrel waits for running requests.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var ct = stop.Token;
            // Membership changes are rare; a client that stops reading loses the oldest rather than growing memory.
            var channel = Channel.CreateBounded<object>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
            var forwarder = system.ActorOf(ClusterEventForwarder.Props(channel.Writer));
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            try
            {
                await http.Response.Body.FlushAsync(ct);
                await foreach (var item in channel.Reader.ReadAllAsync(ct))
                {
                    var described = item is ClusterEvent.CurrentClusterState
                        ? ("snapshot", ClusterMembersRoutes.Snapshot(system, options))
                        : ClusterEventNames.Describe(item);
                    if (described is not var (name, data)) continue;
                    await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, JsonSerializerOptions.Web)}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // the client went away or the node is stopping: a normal end of the stream
            }
            finally
            {
                system.Stop(forwarder);
            }
        }).WithTags("cluster").WithName("GetClusterEvents");
        return app;
    }
}
