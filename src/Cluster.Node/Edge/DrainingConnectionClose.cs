using MediaPlatform.Node.Health;
using Microsoft.AspNetCore.Http.Features;

namespace MediaPlatform.Node.Edge;

/// <summary>
/// While the node drains, every HTTP/1.1 response says `Connection: close`, so the client (the balancer) closes the
/// connection after it instead of keeping it for another request. The node never closes an idle keep-alive connection
/// itself while it drains — a request the balancer sends on it at that instant would be lost, and a POST without an
/// Idempotency-Key could not be sent again — the balancer closes its idle ones (its upstream keepalive_timeout).
/// WebSocket upgrades keep their `Connection: upgrade`.
/// </summary>
public static class DrainingConnectionClose
{
    public static IApplicationBuilder UseDrainingConnectionClose(this IApplicationBuilder app)
    {
        var drain = app.ApplicationServices.GetRequiredService<NodeDrain>();
        return app.Use((http, next) =>
        {
            if (drain.IsDraining && HttpProtocol.IsHttp11(http.Request.Protocol)
                && http.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
                http.Response.Headers.Connection = "close";
            return next(http);
        });
    }
}
