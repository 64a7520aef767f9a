using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Guards the routes that change membership: they need the admin token (compared in constant time by
/// <see cref="BearerTokenHandler"/>) and a node started with --management-mutations. Checked in a filter rather than
/// an authorization policy so every refusal is a ProblemDetails that says which of the two is missing.
/// </summary>
public static class MutationGate
{
    public static TBuilder RequireManagementMutations<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var user = context.HttpContext.User;
            if (user.Identity?.IsAuthenticated != true)
                return ManagementProblems.Unauthorized("this management route changes the cluster: send the admin token as 'Authorization: Bearer <token>'");
            if (!user.IsInRole(BearerTokenHandler.AdminRole))
                return ManagementProblems.Forbidden("this management route needs the admin token");
            var options = context.HttpContext.RequestServices.GetRequiredService<NodeOptions>();
            if (!options.ManagementMutations)
                return ManagementProblems.Forbidden(
                    $"the management API of this node is read-only; start nodes with {NodeOptionSpecs.ManagementMutations.Flag} (or {NodeOptionSpecs.ManagementMutations.EnvVar}=on) to allow join, leave and down");
            return await next(context);
        });
}
