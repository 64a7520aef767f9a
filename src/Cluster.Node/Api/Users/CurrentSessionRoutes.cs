using System.Security.Claims;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// /api/sessions/current: who the session is (the web app cannot read its HttpOnly cookie, so it asks), and sign-out
/// of this browser, which drops the cookie and leaves the user's other sessions alone (sign-out everywhere is
/// <c>POST /api/sessions/logout</c>).
/// </summary>
public static class CurrentSessionRoutes
{
    public static IEndpointRouteBuilder MapCurrentSessionRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/current", (ClaimsPrincipal caller) =>
                Results.Ok(new CurrentSessionResponse(caller.CallerId()!, caller.IsAdmin())))
            .RequireAuthorization()
            .WithTags("users").WithSummary("Who the caller's session (bearer token or session cookie) belongs to");

        // Public on purpose: dropping a cookie needs no proof of who holds it, and an expired session must still be able to leave.
        app.MapDelete("/api/sessions/current", (HttpContext http) =>
            {
                SessionCookie.Clear(http);
                return Results.NoContent();
            })
            .WithTags("users").WithSummary("Sign out of this browser: the session cookie is deleted (other sessions stay)");

        return app;
    }
}
