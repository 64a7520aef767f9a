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
/// a signed user token gives that user's identity. Anything else is anonymous, and protected routes answer 401.
/// </summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TokenService tokens, NodeOptions node)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string AdminRole = "admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        var token = header["Bearer ".Length..].Trim();

        if (node.AdminToken is { Length: > 0 } admin &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(admin)))
            return Task.FromResult(Success("admin", AdminRole));

        return Task.FromResult(tokens.Validate(token) is { } userId
            ? Success(userId, role: null)
            : AuthenticateResult.Fail("invalid or expired token"));
    }

    private static AuthenticateResult Success(string subject, string? role)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, subject) };
        if (role is not null) claims.Add(new Claim(ClaimTypes.Role, role));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
