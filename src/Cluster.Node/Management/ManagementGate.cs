using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Guards every management route, reads included: the actor tree and shard listings name entity ids (emails, coupon
/// codes, payment keys), so only the operator's admin token sees them. With --management-port the routes exist only
/// on that port: a request that arrived on the API port gets 404, decided by the socket's local port (never by the
/// Host header, which a caller chooses). A filter rather than a policy so each refusal says what is missing.
/// </summary>
public static class ManagementGate
{
    public static TBuilder RequireManagementAccess<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<NodeOptions>();
            if (options.ManagementPort is { } port && http.Connection.LocalPort != port)
                return Results.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound);
            var user = http.User;
            if (user.Identity?.IsAuthenticated != true)
                return ManagementProblems.Unauthorized("the management API needs the admin token: send it as 'Authorization: Bearer <token>' (mpctl --token-file or MPCTL_TOKEN_FILE)");
            if (!user.IsInRole(BearerTokenHandler.AdminRole))
                return ManagementProblems.Forbidden("the management API needs the admin token; a user token is not enough");
            return await next(context);
        });
}
