using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 from the framework. The stored form names its algorithm and cost
/// (<c>pbkdf2-sha256$iterations$salt$hash</c>) so the cost can be raised later without breaking old hashes.
/// The clear password never leaves this class: not to an entity, the journal or a log.
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
        _ => null,
    };

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

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
