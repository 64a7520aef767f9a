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
/// a signed user token of a still-current version gives that user's identity. Anything else is anonymous, and
/// protected routes answer 401.
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
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();

        if (node.AdminToken is { Length: > 0 } admin &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(admin)))
            return Success("admin", AdminRole, version: null);

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

    /// <summary>A token that could not be checked just now gets 503 with Retry-After (retry, maybe on another node), not a 401 that ends the session.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
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
