namespace MediaPlatform.Actors.Storage;

/// <summary>
/// The one rule for blob keys: 1–512 characters of '/'-separated segments, each 1–128 characters of ASCII letters,
/// digits, '.', '_' and '-', never starting with '.' (so no "..", no hidden files). No leading or trailing '/', no
/// empty segment, no backslash. Keys are built from ids by the code, never taken from a request; this check is the
/// guard that a key can never name a file outside the store.
/// </summary>
public static class BlobKey
{
    public const int MaxLength = 512;
    public const int MaxSegmentLength = 128;

    public static bool IsValid(string? key) => Problem(key) is null;

    /// <summary>Throws <see cref="InvalidBlobKeyException"/> unless the key is valid; answers it otherwise.</summary>
    public static string Validate(string? key) =>
        Problem(key) is { } problem ? throw new InvalidBlobKeyException(key ?? "", problem) : key!;

    /// <summary>A prefix is a valid key, or a valid key followed by '/' (a folder), or empty (everything).</summary>
    public static string ValidatePrefix(string? prefix)
    {
        if (prefix is null) throw new InvalidBlobKeyException("", "a prefix is required (empty for everything)");
        if (prefix.Length == 0) return prefix;
        Validate(prefix.EndsWith('/') ? prefix[..^1] : prefix);
        return prefix;
    }

    /// <summary>Joins segments with '/' and validates the result.</summary>
    public static string Join(params string[] segments) => Validate(string.Join('/', segments));

    private static string? Problem(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "it is empty";
        if (key.Length > MaxLength) return $"it is longer than {MaxLength} characters";
        if (key.StartsWith('/')) return "it must be relative (no leading '/')";
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0) return "it has an empty segment ('//' or a trailing '/')";
            if (segment.Length > MaxSegmentLength) return $"a segment is longer than {MaxSegmentLength} characters";
            if (segment[0] == '.') return "a segment starts with '.' ('..' and hidden names are not allowed)";
            if (!segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                return "only ASCII letters, digits, '.', '_', '-' and '/' are allowed";
        }
        return null;
    }
}
