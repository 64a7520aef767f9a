using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Management;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Who may read GET /metrics: an operator surface like the management API. With --management-port it exists only on
/// that port (404 on the API port, decided by the socket's local port); it needs the admin token unless
/// <c>media-platform.observability.metrics-anonymous = on</c> opens it for a scraper on a private network.
/// A middleware in the endpoint's own branch, because the Prometheus endpoint is not a route handler (endpoint
/// filters never run for it).
/// </summary>
public static class MetricsAccess
{
    public static void Guard(IApplicationBuilder branch) => branch.Use(async (http, next) =>
    {
        if (Refusal(http) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static IResult? Refusal(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<NodeOptions>();
        if (options.ManagementPort is { } port && http.Connection.LocalPort != port)
            return ManagementProblems.NotFound("metrics are served on the management port");
        if (http.RequestServices.GetRequiredService<ObservabilitySettings>().MetricsAnonymous) return null;
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true)
            return ManagementProblems.Unauthorized("/metrics needs the admin token: send it as 'Authorization: Bearer <token>' (Prometheus: authorization.credentials_file), or set media-platform.observability.metrics-anonymous = on for a scraper on a private network");
        if (!user.IsInRole(BearerTokenHandler.AdminRole))
            return ManagementProblems.Forbidden("/metrics needs the admin token; a user token is not enough");
        return null;
    }
}
