using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Management;

namespace MediaPlatform.Node.Hosting;

/// <summary>Kestrel on the node's HTTP port and the endpoints every node serves.</summary>
public static class WebHosting
{
    public static WebApplicationBuilder ListenOnNodePort(this WebApplicationBuilder builder, NodeOptions options)
    {
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(StartupChecks.ResolveBindAddress(options.Hostname), options.HttpPort));
        // CoordinatedShutdown (leave, hand over shards and singletons) must finish inside the host's stop window.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        return builder;
    }

    public static IServiceCollection AddNodeApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        return services;
    }

    public static WebApplication MapNodeEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthEndpoints();
        app.MapClusterMembers();
        app.MapBootstrapContactPoint();
        return app;
    }
}
