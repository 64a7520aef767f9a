using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Signed, expiring bearer tokens: <c>base64url(claims).base64url(HMAC-SHA256(claims))</c>. The claims name the key
/// that signed them (<c>kid</c>) and the user's token version (<c>ver</c>) at issue; a version check elsewhere
/// (<see cref="TokenVersions"/>) refuses tokens of a version the user has since revoked. Every node holds the same
/// keys, so a token issued by one node is accepted by all. A token whose signature held is remembered (bounded), so a
/// session's later requests skip the base64, JSON and HMAC work; its expiry is still checked on every request, and its
/// version by <see cref="TokenVersions"/>, so remembering it changes no answer.
/// </summary>
public sealed class TokenService(TokenKeys keys, TimeSpan lifetime, TimeProvider time)
{
    private const int MaxTokenLength = 1024;

    // Only unexpired tokens our keys signed get here, so the set holds live sessions; at the bound it stops growing.
    private const int MaxRemembered = 20_000;
    private readonly ConcurrentDictionary<string, Verified> _verified = new(StringComparer.Ordinal);

    private long _lastSweep;

    private readonly record struct Verified(ValidToken Token, long Exp);

    public TimeSpan Lifetime => lifetime;

    public sealed record Claims(
        [property: JsonPropertyName("sub")] string? Sub,
        [property: JsonPropertyName("exp")] long Exp,
        [property: JsonPropertyName("kid")] string? Kid,
        [property: JsonPropertyName("ver")] long Ver);

    public string Issue(string userId, long tokenVersion)
    {
        var claims = new Claims(userId, time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds(), keys.CurrentId, tokenVersion);
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return $"{body}.{Base64Url(Sign(keys.CurrentKey, body))}";
    }

    /// <summary>The token's user and version, or null when it is malformed, forged, of an unknown key or expired.</summary>
    public ValidToken? Validate(string token)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (_verified.TryGetValue(token, out var known))
        {
            if (known.Exp > now) return known.Token;
            _verified.TryRemove(token, out _);
            return null;
        }
        if (Verify(token) is not { } verified || verified.Exp <= now) return null;
        Remember(token, verified, now);
        return verified.Token;
    }

    /// <summary>
    /// Remembers a verified token while there is room. A full set first drops its expired tokens; if it is still full
    /// the token is simply not remembered (it is verified again next time), so no one — a user minting tokens in a loop
    /// included — can empty the set of everyone else's sessions.
    /// </summary>
    private void Remember(string token, Verified verified, long now)
    {
        // Sweep at most once a second: a full set of live sessions must not cost a scan on every new token.
        if (_verified.Count >= MaxRemembered && Interlocked.Exchange(ref _lastSweep, now) != now)
            foreach (var (known, entry) in _verified)
                if (entry.Exp <= now) _verified.TryRemove(known, out _);
        if (_verified.Count < MaxRemembered) _verified[token] = verified;
    }

    /// <summary>Format, key and signature (the costly part); the expiry is the caller's to check.</summary>
    private Verified? Verify(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || dot == token.Length - 1 || token.Length > MaxTokenLength) return null;
        var body = token[..dot];
        Claims? claims;
        byte[] signature;
        try
        {
            signature = FromBase64Url(token[(dot + 1)..]);
            // Read before the signature is checked only to learn which key to check it with; trusted only after.
            claims = JsonSerializer.Deserialize<Claims>(FromBase64Url(body));
        }
        catch (Exception e) when (e is FormatException or JsonException) { return null; }
        if (claims is null || keys.Find(claims.Kid) is not { } key) return null;
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, body))) return null;
        if (string.IsNullOrEmpty(claims.Sub) || claims.Ver < 0) return null;
        return new Verified(new ValidToken(claims.Sub, claims.Ver), claims.Exp);
    }

    private static byte[] Sign(byte[] key, string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
