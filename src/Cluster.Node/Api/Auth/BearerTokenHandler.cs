using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using MediaPlatform.Node.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Reads <c>Authorization: Bearer …</c>: the operator's admin token (constant-time compare) gives the admin role;
/// a signed user token of a still-current version gives that user's identity. Without an Authorization header, the
/// browser's session cookie (<see cref="SessionCookie"/>) carries the same user token and is checked the same way
/// (never the admin token); an unsafe method it authenticates must carry the app's CSRF header or gets 403.
/// Anything else is anonymous, and protected routes answer 401.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, TokenVersions versions, NodeOptions node)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string AdminRole = "admin";

    /// <summary>The token version the caller's token carries (set for user tokens only).</summary>
    public const string TokenVersionClaim = "token-version";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        // Browsers cannot set headers on a WebSocket: SignalR sends the token as ?access_token= to the hubs (a user token only).
        if (header.Length == 0 && Request.Path.StartsWithSegments("/hubs") && Request.Query["access_token"].ToString() is { Length: > 0 } queryToken)
            return await UserTokenAsync(queryToken);
        if (header.Length == 0 && SessionCookie.AppliesTo(Request) && SessionCookie.Read(Request) is { } cookie) return await CookieAsync(cookie);
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();

        if (node.AdminToken is { Length: > 0 } admin &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(admin)))
            return Success("admin", AdminRole, version: null);

        return await UserTokenAsync(token);
    }

    /// <summary>
    /// A cookie is sent by the browser on its own, so a change it authenticates must prove it comes from the app: the
    /// CSRF header, which a cross-site form cannot send and a cross-site script may not without a CORS grant (none is given).
    /// </summary>
    private Task<AuthenticateResult> CookieAsync(string token)
    {
        if (SessionCookie.IsUnsafe(Request.Method) && string.IsNullOrEmpty(Request.Headers[SessionCookie.CsrfHeader]))
        {
            Context.Items[CsrfRefusedItem] = true;
            return Task.FromResult(AuthenticateResult.Fail("cookie-authenticated change without the CSRF header"));
        }
        return UserTokenAsync(token);
    }

    private async Task<AuthenticateResult> UserTokenAsync(string token)
    {
        if (tokens.Validate(token) is not { } valid) return AuthenticateResult.Fail("invalid or expired token");
        switch (await versions.CheckAsync(valid.UserId, valid.Version, Context.RequestAborted))
        {
            case TokenStanding.Current:
                return Success(valid.UserId, role: null, valid.Version);
            case TokenStanding.Unconfirmed:
                Context.Items[UnconfirmedItem] = true;
                return AuthenticateResult.Fail("token version could not be confirmed");
            default:
                return AuthenticateResult.Fail("token revoked");
        }
    }

    private const string UnconfirmedItem = "token-unconfirmed";
    private const string CsrfRefusedItem = "csrf-refused";

    /// <summary>A token that could not be checked just now gets 503 with Retry-After (retry, maybe on another node), not a 401 that ends the session.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(CsrfRefusedItem))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
                detail: $"a change made with the session cookie must carry the {SessionCookie.CsrfHeader} header (the web app sends it); cross-site requests are refused").ExecuteAsync(Context);
            return;
        }
        if (!Context.Items.ContainsKey(UnconfirmedItem))
        {
            await base.HandleChallengeAsync(properties);
            return;
        }
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "2";
        await Results.Problem(title: "Temporarily unavailable", statusCode: StatusCodes.Status503ServiceUnavailable,
            detail: "the token could not be checked just now (part of the cluster is recovering); it is safe to retry").ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string subject, string? role, long? version)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, subject) };
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        if (version is { } v) claims.Add(new Claim(TokenVersionClaim, v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
