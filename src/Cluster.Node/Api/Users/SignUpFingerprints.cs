using System.Security.Cryptography;
using System.Text;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Names a sign-up request so that a retry with the same Idempotency-Key can be told from a different body: an
/// HMAC-SHA256, under a key derived from the node's token secret, of the normalized email, the trimmed display name
/// and a PBKDF2 digest of the password (as many iterations as the stored hash, salted per email), so the stored
/// fingerprint is no faster to guess a password from than the hash beside it. Never the password itself. (Rotating
/// the token secret only makes an old retry answer 422 instead of the first user.)
/// </summary>
public sealed class SignUpFingerprints(string nodeSecret)
{
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("sign-up-fingerprint\n" + nodeSecret));

    public string Of(string normalizedEmail, string displayName, string password)
    {
        var salt = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("salt\n" + normalizedEmail));
        var digest = PasswordHasher.Derive(password, salt);
        var fields = new StringBuilder();
        foreach (var field in new[] { normalizedEmail, displayName.Trim(), Convert.ToBase64String(digest) })
            fields.Append(field.Length).Append(':').Append(field).Append('\n'); // length-prefixed: no two requests collide
        return "v2:" + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(fields.ToString())));
    }
}
