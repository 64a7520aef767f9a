namespace MediaPlatform.Node.Api.Limits;

/// <summary>Names of the per-address rate-limit policies routes ask for with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    public const string SignUps = "sign-ups";
    public const string Logins = "logins";
    public const string Uploads = "uploads";
    public const string Titles = "titles";
}
