using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// The signing key and the retired keys that still verify (rotation), each known by a key id: the first 8 hex
/// characters of SHA-256 of the derived key. A token names its key id, so a verifier picks one key instead of trying all.
/// </summary>
public sealed class TokenKeys
{
    private readonly Dictionary<string, byte[]> _byId = new(StringComparer.Ordinal);

    public TokenKeys(string currentSecret, IEnumerable<string> previousSecrets)
    {
        CurrentKey = Derive(currentSecret);
        CurrentId = IdOf(CurrentKey);
        _byId[CurrentId] = CurrentKey;
        foreach (var secret in previousSecrets)
        {
            var key = Derive(secret);
            _byId.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentId { get; }
    public byte[] CurrentKey { get; }

    /// <summary>The verifying key of this id, or null: a token of an unknown key id is refused.</summary>
    public byte[]? Find(string? keyId) => keyId is not null && _byId.TryGetValue(keyId, out var key) ? key : null;

    /// <summary>Any length of secret gives a full-size HMAC key.</summary>
    private static byte[] Derive(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];
}
