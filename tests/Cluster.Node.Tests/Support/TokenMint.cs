using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>
/// Mints bearer tokens the way an attacker (or an older node) would, independently of the node's own code:
/// <c>base64url(claims JSON).base64url(HMAC-SHA256(SHA-256(secret), claims))</c>.
/// </summary>
public static class TokenMint
{
    /// <summary>The development key that used to be written in the node's source: public, so it must verify nothing.</summary>
    public const string FormerPublicDevelopmentKey = "development-only-token-key-do-not-use-in-production";

    /// <summary>Key id as nodes compute it: the first 8 hex characters of SHA-256 of the derived key.</summary>
    public static string KeyId(string secret) => Convert.ToHexStringLower(SHA256.HashData(DerivedKey(secret)))[..8];

    /// <summary>A token in the current shape (sub, exp, kid, ver).</summary>
    public static string Current(string secret, string userId, long version = 0, string? kid = null) =>
        Sign(secret, new Dictionary<string, object> { ["sub"] = userId, ["exp"] = InAnHour(), ["kid"] = kid ?? KeyId(secret), ["ver"] = version });

    /// <summary>A token in the shape nodes issued before key ids and versions existed.</summary>
    public static string Legacy(string secret, string userId, string? extraKid = null)
    {
        var claims = new Dictionary<string, object> { ["Sub"] = userId, ["Exp"] = InAnHour() };
        if (extraKid is not null) claims["kid"] = extraKid;
        return Sign(secret, claims);
    }

    private static long InAnHour() => DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();

    private static byte[] DerivedKey(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Sign(string secret, Dictionary<string, object> claims)
    {
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = HMACSHA256.HashData(DerivedKey(secret), Encoding.ASCII.GetBytes(body));
        return $"{body}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
