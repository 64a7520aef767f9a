using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Grpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MediaPlatform.Node.Hosting;

/// <summary>
/// The gRPC services (<see cref="TitleCatalogService"/>, <see cref="EntitlementService"/>) on their own port, --grpc-port.
/// gRPC needs HTTP/2. The node's HTTP port has no TLS, and Kestrel negotiates HTTP/2 only through TLS (ALPN): on a
/// cleartext endpoint that allows HTTP/1.1 and HTTP/2 it speaks HTTP/1.1 alone. So the gRPC port is HTTP/2 only,
/// without TLS (h2c, "prior knowledge"), for a private network or a balancer's grpc_pass; it answers gRPC and nothing
/// else, so it is not a second way into the HTTP API around the balancer. Authentication is the API's bearer token.
/// </summary>
public static class GrpcHosting
{
    public static IServiceCollection AddNodeGrpc(this IServiceCollection services)
    {
        services.AddGrpc(grpc =>
        {
            // Batches are a few hundred ids: refuse anything far larger before it is parsed.
            grpc.MaxReceiveMessageSize = 256 * 1024;
            grpc.EnableDetailedErrors = false;
        });
        return services;
    }

    /// <summary>Adds the h2c endpoint to Kestrel when --grpc-port is set.</summary>
    public static void ListenForGrpc(this KestrelServerOptions kestrel, NodeOptions options)
    {
        if (options.GrpcPort is { } port)
            kestrel.Listen(StartupChecks.ResolveBindAddress(options.Hostname), port, listen => listen.Protocols = HttpProtocols.Http2);
    }

    /// <summary>On the gRPC port only gRPC is answered (404 otherwise); decided by the socket's local port, never by Host.</summary>
    public static WebApplication UseGrpcPortGate(this WebApplication app)
    {
        if (app.Services.GetRequiredService<NodeOptions>().GrpcPort is not { } port) return app;
        app.Use((http, next) =>
        {
            if (http.Connection.LocalPort != port || IsGrpc(http.Request)) return next(http);
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    public static WebApplication MapNodeGrpc(this WebApplication app)
    {
        if (app.Services.GetRequiredService<NodeOptions>().GrpcPort is null) return app;
        app.MapGrpcService<TitleCatalogService>();
        app.MapGrpcService<EntitlementService>();
        return app;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
