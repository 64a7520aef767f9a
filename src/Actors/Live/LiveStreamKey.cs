using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Actors.Live;

/// <summary>
/// A stream key: 32 random bytes, shown to the owner once (in the create answer) and stored only as its SHA-256, like
/// the node's other high-entropy secrets; a fast hash is enough for a secret nobody can guess. Keys are compared
/// by their hashes in fixed time.
/// </summary>
public static class LiveStreamKey
{
    public const string Prefix = "lsk_";
    public const int MaxLength = 128;

    public static string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
