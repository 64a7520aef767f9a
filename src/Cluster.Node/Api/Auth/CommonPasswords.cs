namespace MediaPlatform.Node.Api.Auth;

/// <summary>
/// The 10,000 most common passwords (common-passwords.txt, embedded; its header says where it comes from), loaded
/// once. NIST SP 800-63B asks for exactly this check instead of composition rules.
/// </summary>
public static class CommonPasswords
{
    private const string ResourceName = "MediaPlatform.Node.common-passwords.txt";
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        return set;
    }
}
