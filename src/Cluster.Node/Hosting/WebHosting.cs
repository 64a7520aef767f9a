using Akka.Actor;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Node.Api;
using MediaPlatform.Node.Api.Friends;
using MediaPlatform.Node.Api.Billing;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Api.Search;
using MediaPlatform.Node.Api.Users;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Edge;
using MediaPlatform.Node.Health;
using MediaPlatform.Node.Management;
using MediaPlatform.Node.Observability;

namespace MediaPlatform.Node.Hosting;

/// <summary>Kestrel on the node's HTTP port and the endpoints every node serves.</summary>
public static class WebHosting
{
    public static WebApplicationBuilder ListenOnNodePort(this WebApplicationBuilder builder, NodeOptions options)
    {
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(StartupChecks.ResolveBindAddress(options.Hostname), options.HttpPort);
            // Management on its own port, so a load balancer can expose the API port alone (ManagementGate).
            if (options.ManagementPort is { } managementPort)
                kestrel.Listen(StartupChecks.ResolveBindAddress(options.Hostname), managementPort);
            kestrel.ListenForGrpc(options); // HTTP/2 without TLS on its own port, when --grpc-port is set
            // The balancer's port: bound only while the node is ready and not draining (EdgeHosting).
            if (options.EdgePort is { } edgePort)
                kestrel.Listen(StartupChecks.ResolveBindAddress(options.Hostname), edgePort);
            // API bodies are small JSON documents; routes that take uploads raise their own limit.
            kestrel.Limits.MaxRequestBodySize = MaxJsonBodyBytes;
        });
        // CoordinatedShutdown (leave, hand over shards and singletons) must finish inside the host's stop window.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownWindow);
        return builder;
    }

    public const long MaxJsonBodyBytes = 64 * 1024;

    /// <summary>How long the host gives its services to stop after SIGTERM (deploy/kubernetes's grace period covers it).</summary>
    public static readonly TimeSpan ShutdownWindow = TimeSpan.FromSeconds(45);

    public static IServiceCollection AddNodeApi(this IServiceCollection services, NodeOptions options)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestProblemHandler>();
        // Let malformed bodies reach BadRequestProblemHandler, which says what was wrong, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.AddNodeAuth(options);
        services.AddNodeRateLimits(options);
        services.AddTransient<BillingServices>();
        services.AddTitleServices(options);
        services.AddPartyHub();
        services.AddNodeGrpc();
        services.AddLiveServices();
        services.AddWatchHistoryServices();
        services.AddImageServices();
        services.AddSingleton<Api.Events.EventFeed>();
        services.AddSingleton<PauseGuard>();
        services.AddHostedService(sp => sp.GetRequiredService<PauseGuard>());
        services.AddNodeDrain();
        services.AddEdgePort(options);
        services.ConfigureHttpJsonOptions(json =>
        {
            // A field the API does not know is refused rather than ignored: a typo must not silently do nothing.
            json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.MaxDepth = 16;
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        return services;
    }

    public static WebApplication MapNodeEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseDrainingConnectionClose();
        app.UseGrpcPortGate();
        app.UseExceptionHandler();
        app.UsePauseGuard();
        app.UseInFlightLimit();
        app.UseStatusCodePages();
        app.UsePlayerPage();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseNodeRateLimits();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        // Every management route, reads too, needs the admin token (and the management port when one is set).
        var management = app.MapGroup("").RequireManagementAccess();
        management.MapClusterMembers();
        management.MapManagementRoutes();
        management.MapRecentMetrics(); // the ops page's charts (/ops/), merged over the cluster
        // Prometheus scrapes here: the management port and the admin token too, unless opened (MetricsAccess).
        app.MapMetricsEndpoint();
        app.MapBootstrapContactPoint();
        app.MapWebAppEntry();
        app.MapUserRoutes();
        app.MapBillingRoutes();
        app.MapCouponRoutes();
        app.MapFriendRoutes();
        app.MapTitleRoutes();
        app.MapSearchRoutes();
        Api.Reports.BillingReportRoutes.MapBillingReportRoutes(app);
        Api.Events.EventFeedRoutes.MapEventFeedRoutes(app);
        app.MapPartyEndpoints();
        app.MapNodeGrpc();
        app.MapLiveEndpoints();
        app.MapWatchHistoryEndpoints();
        Api.Images.ImageRoutes.MapImageRoutes(app);
        return app;
    }
}
