using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Names a sign-up request so that a retry with the same Idempotency-Key can be told from a different body: an
/// HMAC-SHA256, under a key derived from the node's token secret, of the normalized email, the trimmed display name
/// and the password. Stored with the user; being keyed, it tells nobody who reads the journal anything about the
/// password. (Rotating the token secret only makes an old retry answer 422 instead of the first user.)
/// </summary>
public sealed class SignUpFingerprints(string nodeSecret)
{
    private readonly byte[] _key = SHA256.HashData(Encoding.UTF8.GetBytes("sign-up-fingerprint\n" + nodeSecret));

    public string Of(string normalizedEmail, string displayName, string password)
    {
        var fields = new StringBuilder();
        foreach (var field in new[] { normalizedEmail, displayName.Trim(), password })
            fields.Append(field.Length).Append(':').Append(field).Append('\n'); // length-prefixed: no two requests collide
        return "v1:" + Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(fields.ToString())));
    }
}
