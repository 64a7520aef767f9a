using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 from the framework. The stored form names its algorithm and cost
/// (<c>pbkdf2-sha256$iterations$salt$hash</c>) so the cost can be raised later without breaking old hashes.
/// The clear password never leaves this class: not to an entity, the journal or a log.
/// Policy (NIST SP 800-63B): 10 to 128 characters, not one of the 10,000 most common passwords, not one character
/// repeated; no composition rules.
/// </summary>
public static class PasswordHasher
{
    public const int MinLength = 10;
    public const int MaxLength = 128;
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string? Validate(string? password) => password switch
    {
        null or "" => "password is required",
        { Length: < MinLength } => $"password must be at least {MinLength} characters",
        { Length: > MaxLength } => $"password must be at most {MaxLength} characters",
        var p when p.All(c => c == p[0]) => "password must not be one character repeated",
        var p when CommonPasswords.Contains(p) => "password is one of the most commonly used passwords; choose another",
        _ => null,
    };

    /// <summary>
    /// A hash of nothing anyone knows, made once. A login for an unknown email is verified against it, so that it
    /// costs the same PBKDF2 work as a wrong password for a known one and the two cannot be told apart by timing.
    /// </summary>
    private static readonly Lazy<string> DummyHash = new(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    /// <summary>Does the work of <see cref="Verify"/> and always answers false.</summary>
    public static bool VerifyAgainstDummy(string? password)
    {
        var input = password ?? "";
        Verify(input.Length > MaxLength ? input[..MaxLength] : input, DummyHash.Value);
        return false;
    }

    /// <summary>Computes the dummy hash now (at start-up) rather than during the first login for an unknown email.</summary>
    public static void Warm() => _ = DummyHash.Value;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>The PBKDF2 digest every stored hash uses (and the sign-up fingerprint, so it is no faster to guess from).</summary>
    public static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], out var iterations)) return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
