using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Signed, expiring bearer tokens: <c>base64url(claims).base64url(HMAC-SHA256(claims))</c>. Every node holds the
/// same key (--token-key), so a token issued by one node is accepted by all.
/// </summary>
public sealed class TokenService(byte[] key, TimeSpan lifetime, TimeProvider time)
{
    public TimeSpan Lifetime => lifetime;

    public sealed record Claims(string Sub, long Exp);

    public string Issue(string userId)
    {
        var claims = new Claims(userId, time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return $"{body}.{Base64Url(Sign(body))}";
    }

    /// <summary>The user id the token was issued to, or null when it is malformed, forged or expired.</summary>
    public string? Validate(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1 || token.Length > 1024) return null;
        var body = token[..dot];
        byte[] signature, json;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            json = FromBase64Url(body);
        }
        catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(body))) return null;
        Claims? claims;
        try { claims = JsonSerializer.Deserialize<Claims>(json); }
        catch (JsonException) { return null; }
        if (claims is null || string.IsNullOrEmpty(claims.Sub)) return null;
        return claims.Exp > time.GetUtcNow().ToUnixTimeSeconds() ? claims.Sub : null;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
