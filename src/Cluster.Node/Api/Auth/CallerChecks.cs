using System.Security.Claims;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>Who is calling, and whether they may touch a given user's data (their own, or any as admin).</summary>
public static class CallerChecks
{
    public static string? CallerId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(BearerTokenHandler.AdminRole);

    public static bool MayActFor(this ClaimsPrincipal user, string userId) => user.IsAdmin() || user.CallerId() == userId;

    /// <summary>Null when allowed; otherwise the 403 to return.</summary>
    public static IResult? ForbidUnlessSelf(this ClaimsPrincipal user, string userId) =>
        user.MayActFor(userId) ? null : ApiProblems.Forbidden("you may only access your own data");
}
